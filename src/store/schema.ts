// Table types for the typed query layer (kysely). The same tables exist on SQLite and PostgreSQL;
// migrations.ts creates them.
import type { Generated } from 'kysely';

export interface DocumentsTable {
  id: string;
  /** sha256 of the text and metadata: re-ingesting an unchanged document is a no-op. */
  content_hash: string;
  text: string;
  body_start: number;
  date: string | null;
  title: string | null;
  source: string | null;
  url: string | null;
  /** Where it was read from (file path or "api"), for messages. */
  origin_file: string | null;
  origin_line: number | null;
  /** Unix seconds. */
  ingested_at: number;
  /** A near-identical document stored before this one: this one is its copy (no events of its own). */
  copy_of?: string | null;
  /** MinHash signature of the text (base64), to recognise later copies. */
  minhash?: string | null;
}

/** ACLED fields of an event; evidence and claims live in their own tables. */
export interface EventsTable {
  event_id: string;
  /** The document the event was extracted from first (its evidence offsets point there). */
  doc_id: string;
  event_date: string;
  year: number;
  time_precision: number;
  event_type: string;
  sub_event_type: string;
  actor1: string;
  assoc_actor_1: string;
  inter1: number;
  actor2: string;
  assoc_actor_2: string;
  inter2: number;
  interaction: number;
  country: string;
  iso3: string;
  admin1: string;
  admin2: string;
  location: string;
  latitude: number | null;
  longitude: number | null;
  geo_precision: number;
  fatalities: number;
  notes: string;
  source: string;
  confidence: number;
  /** JSON array of tactic names. */
  tactics: string;
  /** Unix seconds of the last change: ACLED's `timestamp`. */
  updated_at: number;
  /** unreviewed | confirmed | edited | rejected (src/review); never written by ingest. */
  review_status?: string;
  /** JSON: for each field chosen from the event's reports, the report it came from. */
  provenance?: string;
  /** Distinct outlets among the event's reports. */
  source_count?: number;
}

/** A document's report of an event (its extracted event, unchanged) and the stored event it belongs to. */
export interface EventReportsTable {
  report_id: string;
  event_id: string;
  doc_id: string;
  /** Blocking keys of the merge index: normalised country and days since 1970-01-01. */
  country: string;
  day: number;
  /** Normalised province (admin1), '' when unknown: reports of different provinces never merge. */
  admin1: string;
  /** Days its date may be off (time precision): reports of a month are looked up further away. */
  slack: number;
  /** When it was stored (ms × 1000 + rank): the older event keeps its id. */
  created: number;
  /** JSON of the report's fields (ACLED schema, without evidence and claims). */
  data: string;
}

/** Ids of events merged into another: they still resolve. */
export interface EventAliasesTable {
  alias: string;
  event_id: string;
}

export interface DocumentBandsTable {
  band: string;
  doc_id: string;
}

/** Which documents report which event: one event can cite several articles. */
export interface EventDocumentsTable {
  event_id: string;
  doc_id: string;
}

/** Evidence spans: offsets into the text of `doc_id` supporting one field of the event. */
export interface EvidenceTable {
  event_id: string;
  doc_id: string;
  field: string;
  ord: number;
  span_start: number;
  span_end: number;
  text: string;
}

/** Reported figures (and confirmed tactics) with who reported them. */
export interface ClaimsTable {
  event_id: string;
  doc_id: string;
  ord: number;
  kind: string;
  value: number | null;
  tactic: string | null;
  subject: string | null;
  reporter: string | null;
  evidence_start: number;
  evidence_end: number;
  evidence_text: string;
  reporter_start: number | null;
  reporter_end: number | null;
  reporter_text: string | null;
}

export interface SchemaVersionTable {
  version: number;
  name: string;
  applied_at: number;
}

/** A person who may read or review; the token itself is never stored, only its scrypt hash. */
export interface UsersTable {
  id: string;
  name: string;
  /** viewer | editor | admin */
  role: string;
  token_salt: string;
  token_hash: string;
  created_at: number;
}

/** Dashboard sessions: the cookie's sha256 (never the cookie), its user and CSRF token. */
export interface SessionsTable {
  id_hash: string;
  user_id: string;
  csrf: string;
  /** Unix seconds. */
  expires_at: number;
}

/** An event's review: decision (none | confirmed | rejected), analyst-set fields and reviewed values (JSON). */
export interface EventReviewsTable {
  event_id: string;
  decision: string;
  revision: number;
  overrides: string;
  snapshot: string | null;
  updated_at: number;
  updated_by: string;
}

/** One changed field of one review change (a revision groups the rows of one request). */
export interface AuditLogTable {
  id: Generated<number>;
  event_id: string;
  revision: number;
  /** Unix milliseconds. */
  at: number;
  user_name: string;
  /** edit | review | revert */
  action: string;
  field: string;
  /** JSON values. */
  before: string;
  after: string;
  /** 1 when the field was analyst-set before this change. */
  was_override: number;
  reason: string;
  /** The audit row (first of the revision) this change reverted. */
  reverts: number | null;
}

export interface Database {
  documents: DocumentsTable;
  events: EventsTable;
  event_documents: EventDocumentsTable;
  evidence: EvidenceTable;
  claims: ClaimsTable;
  event_reports: EventReportsTable;
  event_aliases: EventAliasesTable;
  document_bands: DocumentBandsTable;
  sitrep_schema_version: SchemaVersionTable;
  users: UsersTable;
  sessions: SessionsTable;
  event_reviews: EventReviewsTable;
  audit_log: AuditLogTable;
  event_counts_by_day: EventCountsByDayTable;
  event_counts_by_country: EventCountsByCountryTable;
  event_counts_cube: EventCountsCubeTable;
  store_counts: StoreCountsTable;
  events_text: EventsTextTable;
  feeds: FeedsTable;
  feed_fetches: FeedFetchesTable;
  feed_items: FeedItemsTable;
  feed_pending: FeedPendingTable;
}

/** Feeds followed by `sitrep watch` and `sitrep worker` (migration 50). Times in unix ms. */
export interface FeedsTable {
  id: string;
  url: string;
  name: string | null;
  interval_s: number;
  etag: string | null;
  last_modified: string | null;
  next_poll_at: number;
  last_fetch_at: number | null;
  last_status: string | null;
  last_error: string | null;
  errors: number;
  items: number;
  created_at: number;
}
export interface FeedFetchesTable {
  feed_id: string;
  at: number;
  status: string;
  http_status: number | null;
  duration_ms: number;
  new_items: number;
  error: string | null;
}
export interface FeedItemsTable {
  feed_id: string;
  item_key: string;
  content_hash: string;
  doc_id: string;
  seen_at: number;
}

/** Items a worker handed to the job queue, not stored yet (migration 74): `item` is the FeedItem as JSON. */
export interface FeedPendingTable {
  feed_id: string;
  item_key: string;
  content_hash: string;
  item: string;
  queued_at: number;
}

/** Event counts kept by triggers on every write (migration 20), read by `stats`. */
export interface EventCountsRow {
  count: number;
  fatalities: number;
}
export interface EventCountsByDayTable extends EventCountsRow {
  event_date: string;
  event_type: string;
}
export interface EventCountsByCountryTable extends EventCountsRow {
  country: string;
  iso3: string;
  event_type: string;
}
export interface EventCountsCubeTable extends EventCountsRow {
  event_date: string;
  country: string;
  iso3: string;
  event_type: string;
}
/** 'events' and 'documents': their numbers of rows. */
export interface StoreCountsTable {
  name: string;
  n: number;
}
/** SQLite only: the text `q` and `actor` search, indexed by the FTS5 table events_fts (rowid = seq). */
export interface EventsTextTable {
  seq: number;
  event_id: string;
  body: string;
  actors: string;
}
