// The sitrep HTTP API as the dashboard uses it (src/server/app.ts): types and fetch helpers.

// The event shape is the pipeline's own (type-only import: nothing of src/ is bundled).
import type { AcledEvent, Claim, EvidenceSpan } from '../../src/common/event.js';
import type { DocumentSummary, EventReport } from '../../src/store/types.js';

export type { Claim, EvidenceSpan };

/** An event as the API returns it (AcledEvent + sources + timestamp). */
export interface StoredEvent extends AcledEvent {
  /** Documents (reports) citing the event. */
  sources: number;
  /** Distinct outlets among its reports (ACLED's source count); absent on previews. */
  source_count?: number;
  timestamp?: number;
}

/** The fields of an event the overview (map, timeline, table) needs, from the GeoJSON export. */
export type EventSummary = Omit<StoredEvent, 'evidence'>;

export type { DocumentSummary, EventReport };

export interface EventDetail extends StoredEvent {
  documents: DocumentSummary[];
  /** Each document's report of the event, with its own values (side by side in the detail). */
  reports?: EventReport[];
  /** Ids of events merged into this one. */
  aliases?: string[];
  /** For each field chosen from the reports, the report it came from. */
  provenance?: Record<string, string>;
}

export interface StoredDocument extends DocumentSummary {
  text: string;
  body_start: number;
  events: StoredEvent[];
}

export interface IngestDocument {
  id?: string;
  text: string;
  date?: string;
  title?: string;
  source?: string;
  url?: string;
}

export interface IngestResponse {
  /** With ?dry_run=1 each document also comes back with its text (status "preview"). */
  documents: { id: string; status: string; events: StoredEvent[]; text?: string }[];
  errors: { document: number; error: string }[];
}

export interface Stats {
  total: { count: number; fatalities: number };
  documents: number;
  by_country: { country: string; iso3: string; count: number }[];
}

export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(path, { signal, headers: { accept: 'application/json' } });
  if (!res.ok) throw new ApiError(res.status, await errorMessage(res));
  return (await res.json()) as T;
}

async function errorMessage(res: Response): Promise<string> {
  try {
    // Errors are RFC 9457 problem details: `detail` says what went wrong.
    const body = (await res.json()) as { detail?: unknown };
    if (typeof body.detail === 'string') return body.detail;
  } catch {
    // not JSON
  }
  return `${res.status} ${res.statusText}`;
}

interface GeoJsonCollection {
  features: { id: string; properties: Omit<EventSummary, 'latitude' | 'longitude'> & { latitude: number | null; longitude: number | null } }[];
}

/** Every event matching the server-side filters (one streamed request, without claims). */
export async function fetchEvents(query: URLSearchParams, signal?: AbortSignal): Promise<EventSummary[]> {
  const params = new URLSearchParams(query);
  params.set('details', '0');
  const fc = await getJson<GeoJsonCollection>(`/api/events.geojson?${params}`, signal);
  return fc.features.map((f) => f.properties as EventSummary);
}

export const fetchEvent = (id: string, signal?: AbortSignal) => getJson<EventDetail>(`/api/events/${encodeURIComponent(id)}`, signal);
export const fetchDocument = (id: string, signal?: AbortSignal) => getJson<StoredDocument>(`/api/documents/${encodeURIComponent(id)}`, signal);
export const fetchStats = (signal?: AbortSignal) => getJson<Stats>('/api/stats', signal);

/** POST /api/documents; `preview` runs the pipeline without saving (?dry_run=1). */
export async function postDocuments(docs: IngestDocument[], options: { preview: boolean; token?: string }): Promise<IngestResponse> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const res = await fetch(`/api/documents${options.preview ? '?dry_run=1' : ''}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(docs.length === 1 ? docs[0] : docs),
  });
  if (!res.ok) throw new ApiError(res.status, await errorMessage(res));
  return (await res.json()) as IngestResponse;
}
