// A fetched feed's items: RSS and Atom through the feed reader of `sitrep ingest` (src/ingest/feed.ts),
// JSON Feed (https://jsonfeed.org/version/1.1) here. Each item becomes a document whose id is its
// guid (else its link, else a hash of its text); `summaryOnly` marks an item whose body is too
// short to be the article, so that its page is fetched.
import { createHash } from 'node:crypto';
import { htmlFragmentToText } from '../ingest/html-text.js';
import { normaliseDate } from '../ingest/dates.js';
import { readFeed } from '../ingest/feed.js';
import { storableDocument } from '../ingest/storable.js';
import { isIngestError, type SourceDocument } from '../ingest/types.js';

/** A body shorter than this (characters, title excluded) is taken for a summary. */
export const SUMMARY_MAX_CHARS = 600;

export interface FeedItem {
  /** guid, else link, else the content hash: how the feed names the item. */
  key: string;
  /** sha256 of the item's text: the same story under another guid or feed is recognised. */
  hash: string;
  doc: SourceDocument & { id: string };
  summaryOnly: boolean;
}

export interface ParsedFeed {
  items: FeedItem[];
  /** Items that could not be read (the others still are). */
  errors: string[];
}

export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function item(doc: SourceDocument, key: string | undefined): FeedItem {
  const clean = storableDocument(doc);
  const hash = textHash(clean.text);
  const body = clean.title && clean.text.startsWith(clean.title) ? clean.text.slice(clean.title.length).trim() : clean.text;
  const k = key || clean.url || hash;
  return { key: k, hash, doc: { ...clean, id: k }, summaryOnly: body.length < SUMMARY_MAX_CHARS && !!clean.url };
}

function jsonFeed(body: string, where: string): ParsedFeed {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (err) {
    return { items: [], errors: [`not JSON: ${(err as Error).message}`] };
  }
  const feed = parsed as { version?: unknown; title?: unknown; items?: unknown };
  if (typeof feed !== 'object' || feed === null || typeof feed.version !== 'string' || !/jsonfeed\.org\/version\//.test(feed.version)) {
    return { items: [], errors: ['not a JSON Feed (no "version": "https://jsonfeed.org/version/...")'] };
  }
  if (!Array.isArray(feed.items)) return { items: [], errors: ['JSON Feed without "items"'] };
  const out: ParsedFeed = { items: [], errors: [] };
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  feed.items.forEach((raw: unknown, i: number) => {
    if (typeof raw !== 'object' || raw === null) {
      out.errors.push(`item ${i + 1}: not an object`);
      return;
    }
    const o = raw as Record<string, unknown>;
    const title = str(o.title) ? htmlFragmentToText(str(o.title)!).trim() : '';
    const html = str(o.content_html);
    const body = str(o.content_text) ?? (html ? htmlFragmentToText(html).trim() : undefined) ?? str(o.summary) ?? '';
    const text = title && body ? `${title}\n\n${body}` : title || body;
    if (!text) {
      out.errors.push(`item ${i + 1}: no title or text`);
      return;
    }
    const doc: SourceDocument = { text, bodyStart: 0, origin: { file: where, line: i + 1 } };
    if (title) doc.title = title;
    const url = str(o.url) ?? str(o.external_url);
    if (url) doc.url = url;
    const date = str(o.date_published) ?? str(o.date_modified);
    const d = date ? normaliseDate(date) : undefined;
    if (d) doc.date = d;
    if (str(feed.title)) doc.source = str(feed.title);
    const id = o.id === undefined || o.id === null ? undefined : String(o.id);
    out.items.push(item(doc, id || url));
  });
  return out;
}

/** The items of a feed body (RSS, Atom or JSON Feed); `where` names the feed in messages. */
export async function parseFeed(body: string, where: string): Promise<ParsedFeed> {
  const start = body.trimStart();
  if (start.startsWith('{')) return jsonFeed(start, where);
  const out: ParsedFeed = { items: [], errors: [] };
  for await (const x of readFeed(body, where)) {
    if (isIngestError(x)) out.errors.push(x.line === undefined ? x.message : `line ${x.line}: ${x.message}`);
    else out.items.push(item(x, x.id));
  }
  return out;
}
