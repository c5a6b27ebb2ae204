// Counters for `GET /metrics` (Prometheus text exposition format 0.0.4) and a logger writing text
// lines or JSON lines (`--log-format json`) to stderr.

export interface Metrics {
  documentsStored: number;
  eventsStored: number;
  fetches: number;
  fetchErrors: number;
  pagesFetched: number;
  pageErrors: number;
  /** Sum and count of extraction batch latencies, seconds, and per-document latency sum. */
  extractSeconds: number;
  extractBatches: number;
  extractDocuments: number;
  /** Documents per second over the last minute (updated on each batch). */
  recent: { at: number; docs: number }[];
}

export function newMetrics(): Metrics {
  return {
    documentsStored: 0, eventsStored: 0, fetches: 0, fetchErrors: 0, pagesFetched: 0, pageErrors: 0,
    extractSeconds: 0, extractBatches: 0, extractDocuments: 0, recent: [],
  };
}

export function noteBatch(m: Metrics, docs: number, events: number, seconds: number, now = Date.now()): void {
  m.documentsStored += docs;
  m.eventsStored += events;
  m.extractSeconds += seconds;
  m.extractBatches++;
  m.extractDocuments += docs;
  m.recent.push({ at: now, docs });
  while (m.recent.length > 0 && m.recent[0]!.at < now - 60_000) m.recent.shift();
}

export function documentsPerSecond(m: Metrics, now = Date.now()): number {
  const docs = m.recent.filter((r) => r.at >= now - 60_000).reduce((s, r) => s + r.docs, 0);
  return docs / 60;
}

/** Prometheus text; `gauges` adds values read at scrape time (queue depth, feeds). */
export function prometheusText(m: Metrics, gauges: Record<string, { help: string; value: number }> = {}): string {
  const lines: string[] = [];
  const put = (name: string, type: 'counter' | 'gauge', help: string, value: number) => {
    lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, `${name} ${Number.isFinite(value) ? value : 0}`);
  };
  put('sitrep_documents_stored_total', 'counter', 'Feed documents extracted and stored.', m.documentsStored);
  put('sitrep_events_stored_total', 'counter', 'Events written for feed documents.', m.eventsStored);
  put('sitrep_documents_per_second', 'gauge', 'Feed documents stored per second over the last minute.', documentsPerSecond(m));
  put('sitrep_feed_fetches_total', 'counter', 'Feed fetches.', m.fetches);
  put('sitrep_feed_fetch_errors_total', 'counter', 'Feed fetches that failed.', m.fetchErrors);
  put('sitrep_page_fetches_total', 'counter', 'Item pages fetched for summary-only items.', m.pagesFetched);
  put('sitrep_page_fetch_errors_total', 'counter', 'Item page fetches that failed.', m.pageErrors);
  lines.push('# HELP sitrep_extraction_batch_seconds Extraction and storage time of a batch of feed documents.', '# TYPE sitrep_extraction_batch_seconds summary');
  lines.push(`sitrep_extraction_batch_seconds_sum ${m.extractSeconds}`, `sitrep_extraction_batch_seconds_count ${m.extractBatches}`);
  for (const [name, g] of Object.entries(gauges)) put(name, 'gauge', g.help, g.value);
  return lines.join('\n') + '\n';
}

export type LogFormat = 'text' | 'json';

export interface Logger {
  info(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/** Lines on stderr: `sitrep NAME: msg key=value` or one JSON object per line. */
export function createLogger(name: string, format: LogFormat, write: (s: string) => void = (s) => process.stderr.write(s)): Logger {
  const line = (level: string, msg: string, fields: Record<string, unknown> = {}) => {
    if (format === 'json') write(JSON.stringify({ time: new Date().toISOString(), level, component: name, msg, ...fields }) + '\n');
    else {
      const extra = Object.entries(fields).map(([k, v]) => `${k}=${typeof v === 'string' && !/\s/.test(v) ? v : JSON.stringify(v)}`).join(' ');
      write(`sitrep ${name}: ${level === 'error' ? 'error: ' : ''}${msg}${extra ? ' ' + extra : ''}\n`);
    }
  };
  return { info: (m, f) => line('info', m, f), error: (m, f) => line('error', m, f) };
}
