// Ingest from the page: paste an article (with its date) or choose files, preview the events the
// pipeline finds (nothing saved), then save them (with the API token when the server needs one).
import { ApiError, fetchDocument, postDocuments, type IngestDocument, type IngestResponse, type StoredDocument } from './api.js';
import { clear, h } from './dom.js';
import { renderDocument } from './detail.js';

const TOKEN_KEY = 'sitrep-api-token';
const BATCH = 200;
const FIELDS = ['id', 'text', 'date', 'title', 'source', 'url'] as const;

export interface IngestOptions {
  onSaved(): void;
  onOpenEvent(id: string): void;
}

/** `date YYYY-MM-DD` at the start of a text file gives its date (the seed article's format). */
export function splitDateHeader(text: string): { date?: string; text: string } {
  const m = /^\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*\r?\n?/i.exec(text);
  return m ? { date: m[1], text: text.slice(m[0].length) } : { text };
}

function pickFields(x: unknown, where: string): IngestDocument {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) throw new Error(`${where}: not an object with a "text" field`);
  const o = x as Record<string, unknown>;
  const doc: Record<string, string> = {};
  for (const k of FIELDS) {
    const v = o[k];
    if (typeof v === 'string' && v !== '') doc[k] = v;
    else if (typeof v === 'number' && k === 'id') doc[k] = String(v);
  }
  if (!doc.text?.trim()) throw new Error(`${where}: no "text"`);
  return doc as unknown as IngestDocument;
}

/** Documents from one chosen file: .json (object or array), .jsonl (one object a line), else text. */
export function documentsFromFile(name: string, content: string): IngestDocument[] {
  if (/\.jsonl$/i.test(name)) {
    return content.split(/\r?\n/).map((line, i) => ({ line, i })).filter(({ line }) => line.trim())
      .map(({ line, i }) => {
        let v: unknown;
        try {
          v = JSON.parse(line);
        } catch {
          throw new Error(`${name} line ${i + 1}: not valid JSON`);
        }
        return pickFields(v, `${name} line ${i + 1}`);
      });
  }
  if (/\.json$/i.test(name)) {
    let v: unknown;
    try {
      v = JSON.parse(content);
    } catch {
      throw new Error(`${name}: not valid JSON`);
    }
    const list = Array.isArray(v) ? v : Array.isArray((v as { documents?: unknown })?.documents) ? (v as { documents: unknown[] }).documents : [v];
    return list.map((x, i) => pickFields(x, `${name} [${i}]`));
  }
  const { date, text } = splitDateHeader(content);
  if (!text.trim()) throw new Error(`${name}: empty`);
  return [{ text, date, title: name.replace(/\.[^.]+$/, '') }];
}

export function ingestView(options: IngestOptions): HTMLElement {
  const title = h('input', { type: 'text', id: 'ingest-title', maxlength: 500, autocomplete: 'off' });
  const date = h('input', { type: 'date', id: 'ingest-date' });
  const source = h('input', { type: 'text', id: 'ingest-source', maxlength: 200, autocomplete: 'off' });
  const text = h('textarea', { id: 'ingest-text', rows: 10, 'data-testid': 'ingest-text', placeholder: 'Paste the article text here' });
  const files = h('input', { type: 'file', id: 'ingest-files', multiple: true, accept: '.txt,.text,.md,.json,.jsonl' });
  const token = h('input', { type: 'password', id: 'ingest-token', autocomplete: 'off', placeholder: 'only if the server asks for one' });
  token.value = sessionStorage.getItem(TOKEN_KEY) ?? '';
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const results = h('div', { class: 'ingest-results', 'data-testid': 'ingest-results' });
  const preview = h('button', { type: 'button', 'data-testid': 'ingest-preview' }, 'Preview (not saved)');
  const save = h('button', { type: 'button', class: 'primary', 'data-testid': 'ingest-save' }, 'Save');

  const label = (forId: string, text: string, hint?: string) =>
    h('label', { for: forId }, text, hint ? h('span', { class: 'muted' }, ` ${hint}`) : null);

  async function gather(): Promise<IngestDocument[]> {
    const docs: IngestDocument[] = [];
    if (text.value.trim()) {
      const split = splitDateHeader(text.value);
      docs.push({
        text: split.text,
        date: date.value || split.date || undefined,
        title: title.value.trim() || undefined,
        source: source.value.trim() || undefined,
      });
    }
    for (const f of Array.from(files.files ?? [])) docs.push(...documentsFromFile(f.name, await f.text()));
    return docs;
  }

  async function run(mode: 'preview' | 'save'): Promise<void> {
    clear(results);
    status.classList.remove('error');
    let docs: IngestDocument[];
    try {
      docs = await gather();
    } catch (err) {
      status.classList.add('error');
      status.textContent = err instanceof Error ? err.message : String(err);
      return;
    }
    if (docs.length === 0) {
      status.textContent = 'Paste an article or choose files first.';
      return;
    }
    const tok = token.value.trim();
    if (tok) sessionStorage.setItem(TOKEN_KEY, tok);
    else sessionStorage.removeItem(TOKEN_KEY);
    preview.disabled = save.disabled = true;
    status.textContent = `${mode === 'preview' ? 'Reading' : 'Saving'} ${docs.length} document${docs.length === 1 ? '' : 's'}…`;
    try {
      const shown: { doc: StoredDocument; status: string }[] = [];
      const errors: string[] = [];
      for (let i = 0; i < docs.length; i += BATCH) {
        const batch = docs.slice(i, i + BATCH);
        const res: IngestResponse = await postDocuments(batch, { preview: mode === 'preview', token: tok || undefined });
        for (const e of res.errors) errors.push(`document ${i + e.document + 1}: ${e.error}`);
        for (const [j, d] of res.documents.entries()) {
          if (mode === 'preview') {
            // Documents come back in request order (errors aside), with their text.
            const input = d.text !== undefined ? { ...batch[j], text: d.text } : batch[j];
            shown.push({ status: d.status, doc: { id: d.id, title: input?.title ?? null, date: input?.date ?? null, source: input?.source ?? null, url: input?.url ?? null, text: input?.text ?? '', body_start: 0, events: d.events } });
          } else {
            const stored = await fetchDocument(d.id).catch(() => undefined);
            if (stored) shown.push({ status: d.status, doc: stored });
          }
        }
      }
      const events = shown.reduce((n, s) => n + s.doc.events.length, 0);
      status.textContent = mode === 'preview'
        ? `Preview: ${events} event${events === 1 ? '' : 's'} found in ${shown.length} document${shown.length === 1 ? '' : 's'}; nothing saved yet.`
        : `Saved: ${events} event${events === 1 ? '' : 's'} in ${shown.length} document${shown.length === 1 ? '' : 's'} (${summary(shown.map((s) => s.status))}).`;
      if (errors.length) {
        status.classList.add('error');
        results.append(h('ul', { class: 'error' }, errors.map((e) => h('li', {}, e))));
      }
      for (const s of shown.slice(0, 50)) {
        const block = h('section', { class: 'ingest-doc' }, h('span', { class: `badge ${s.status}` }, s.status), renderDocument(s.doc, { onOpenEvent: options.onOpenEvent }, 'h3'));
        results.append(block);
      }
      if (shown.length > 50) results.append(h('p', { class: 'muted' }, `and ${shown.length - 50} more documents.`));
      if (mode === 'save') options.onSaved();
    } catch (err) {
      status.classList.add('error');
      if (err instanceof ApiError && err.status === 401) status.textContent = 'The server needs the API token (SITREP_API_TOKEN) to accept documents: enter it above.';
      else if (err instanceof ApiError && err.status === 403) status.textContent = `The server does not accept documents: ${err.message}`;
      else status.textContent = `Failed: ${err instanceof Error ? err.message : String(err)}`;
    } finally {
      preview.disabled = save.disabled = false;
    }
  }

  preview.addEventListener('click', () => void run('preview'));
  save.addEventListener('click', () => void run('save'));

  return h('section', { class: 'ingest', 'data-testid': 'ingest', 'aria-labelledby': 'ingest-heading' },
    h('h2', { id: 'ingest-heading' }, 'Add articles'),
    h('p', { class: 'hint' }, 'Paste an article with its publication date, or choose files (.txt, .json, .jsonl). Preview shows the events found, marked in the text; Save stores them.'),
    h('div', { class: 'form-grid' },
      label('ingest-title', 'Title', '(optional)'), title,
      label('ingest-date', 'Published'), date,
      label('ingest-source', 'Source', '(optional)'), source),
    label('ingest-text', 'Article text'), text,
    label('ingest-files', 'Or files'), files,
    label('ingest-token', 'API token'), token,
    h('div', { class: 'buttons' }, preview, save),
    status,
    results);
}

function summary(statuses: string[]): string {
  const counts = new Map<string, number>();
  for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts].map(([s, n]) => `${n} ${s}`).join(', ');
}
