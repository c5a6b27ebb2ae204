// The store's query interface: filters, pages, and what reads return.
import type { AcledEvent } from '../common/event.js';

/** Event filters shared by `sitrep export` and the HTTP API (parsed and validated in store/filters.ts). */
export interface EventFilters {
  /** Inclusive, YYYY-MM-DD. */
  from?: string;
  to?: string;
  /** Country names or ISO3 codes, any of which matches (case-insensitive). */
  countries?: string[];
  /** ACLED event types, canonical spelling, any of which matches. */
  eventTypes?: string[];
  /** ACLED sub-event types, canonical spelling, any of which matches. */
  subEventTypes?: string[];
  /** First-level administrative divisions (admin1), any of which matches (case-insensitive). */
  admin1?: string[];
  /** Substring of actor1, actor2 or an associated actor (case-insensitive). */
  actor?: string;
  /** Names the actor query is an alias of ("SDF" -> "QSD: Syrian Democratic Forces"); matched like `actor`. */
  actorNames?: string[];
  /** [minLon, minLat, maxLon, maxLat]; minLon > maxLon crosses the antimeridian. */
  bbox?: [number, number, number, number];
  /** Text search: substring of notes, actors, location, admin1 or country. */
  q?: string;
  /** Review statuses (unreviewed, confirmed, edited, rejected), any of which matches. */
  reviewStatus?: string[];
}

export interface PageRequest {
  limit: number;
  /** Opaque cursor from a previous page's next_cursor. */
  cursor?: string;
}

/** An event as stored: ACLED fields, the number of documents citing it, and its change time. */
export interface StoredEvent extends AcledEvent {
  sources: number;
  /** Distinct outlets among the event's reports (ACLED's \`source\` lists them). */
  source_count: number;
  /** The reports merged into the event, each with its document (loaded with details). */
  reports?: ReportSummary[];
  /** Unix seconds of the last change (ACLED's `timestamp`). */
  timestamp: number;
  /** unreviewed | confirmed | edited | rejected (analyst review). */
  review_status?: 'unreviewed' | 'confirmed' | 'edited' | 'rejected';
}

export interface EventPage {
  events: StoredEvent[];
  next_cursor: string | null;
}

export interface ReadOptions {
  /** Load claims and evidence (default true); CSV export does without them. */
  details?: boolean;
}

/** A document with the events the pipeline found in it, ready to store. */
export interface DocumentInput {
  id: string;
  text: string;
  bodyStart?: number;
  date?: string;
  title?: string;
  source?: string;
  url?: string;
  origin?: { file: string; line?: number };
  events: AcledEvent[];
  /** A near-identical document already stored (or earlier in the batch): this one is its copy. */
  copyOf?: string;
  /** MinHash signature (base64) and its band keys, for recognising later copies of this one. */
  minhash?: string;
  bands?: string[];
}

export interface DocumentSummary {
  id: string;
  title: string | null;
  date: string | null;
  source: string | null;
  url: string | null;
}

export interface StoredDocument extends DocumentSummary {
  text: string;
  body_start: number;
  content_hash: string;
  ingested_at: number;
  events: StoredEvent[];
}

export interface ReportSummary {
  report_id: string;
  doc_id: string;
}

/** One document's report of an event: its own values, and its evidence in that document. */
export interface EventReport extends ReportSummary {
  document: DocumentSummary | null;
  values: Record<string, unknown>;
  evidence: Record<string, { start: number; end: number; text: string }[]>;
}

export interface EventDetail extends StoredEvent {
  documents: DocumentSummary[];
  /** Every report merged into the event, side by side. */
  reports: EventReport[];
  /** Ids of events merged into this one; they still resolve to it. */
  aliases: string[];
  /** For each field chosen from the reports, the report it came from. */
  provenance: Record<string, string>;
}

export interface SaveOptions {
  /** Merge the reports into the store's events (default true); false keeps one event per report. */
  merge?: boolean;
}

export type SaveStatus = 'new' | 'updated' | 'unchanged';

export interface SaveResult {
  inserted: number;
  updated: number;
  unchanged: number;
  /** Events written (new documents and changed ones). */
  events: number;
  /** Reports that joined an event of another report. */
  merged: number;
  /** Status of each input document, by id. */
  status: Map<string, SaveStatus>;
}

export interface CountRow {
  count: number;
  fatalities: number;
}

export interface Stats {
  total: CountRow;
  documents: number;
  by_date: (CountRow & { date: string })[];
  by_event_type: (CountRow & { event_type: string })[];
  by_country: (CountRow & { country: string; iso3: string })[];
}
