// Table types for the typed query layer (kysely). The same tables exist on SQLite and PostgreSQL;
// migrations.ts creates them.

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

export interface Database {
  documents: DocumentsTable;
  events: EventsTable;
  event_documents: EventDocumentsTable;
  evidence: EvidenceTable;
  claims: ClaimsTable;
  sitrep_schema_version: SchemaVersionTable;
  event_counts_by_day: EventCountsByDayTable;
  event_counts_by_country: EventCountsByCountryTable;
  event_counts_cube: EventCountsCubeTable;
  store_counts: StoreCountsTable;
  events_text: EventsTextTable;
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
