// HTML pages: the article's main text found by Readability (on a linkedom DOM, no browser), with
// title, publication date, canonical URL and site name from the page's metadata. Pages where
// Readability finds no article fall back to the text of the whole body.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { normaliseDate } from './dates.js';
import { capNesting, MAX_READABILITY_DEPTH, MAX_READABILITY_DEPTH_SUM_PER_KB, nesting } from './html-depth.js';
import { domToText } from './html-text.js';
import { IngestFailure } from './input.js';
import type { SourceDocument } from './types.js';

type Dom = ReturnType<typeof parseHTML>['document'];

/** Meta names that carry the publication date, in order of trust. */
const DATE_META = [
  'article:published_time',
  'og:published_time',
  'date',
  'pubdate',
  'publishdate',
  'dc.date',
  'dc.date.issued',
  'dcterms.created',
  'datepublished',
  'sailthru.date',
];

interface PageMeta {
  title?: string;
  date?: string;
  url?: string;
  source?: string;
}

/** Metadata read before Readability runs (it changes the document). */
function pageMeta(document: Dom): PageMeta {
  const metas = new Map<string, string>();
  for (const el of Array.from(document.querySelectorAll('meta'))) {
    const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? '').trim().toLowerCase();
    const content = el.getAttribute('content')?.trim();
    if (key && content && !metas.has(key)) metas.set(key, content);
  }
  const meta: PageMeta = {};
  for (const key of DATE_META) {
    const value = metas.get(key);
    const date = value ? normaliseDate(value) : undefined;
    if (date) {
      meta.date = date;
      break;
    }
  }
  if (!meta.date) {
    for (const el of Array.from(document.querySelectorAll('time[datetime]'))) {
      const date = normaliseDate(el.getAttribute('datetime') ?? '');
      if (date) {
        meta.date = date;
        break;
      }
    }
  }
  const canonical = Array.from(document.querySelectorAll('link[rel]')).find((el) =>
    (el.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical'),
  );
  const url = canonical?.getAttribute('href')?.trim() || metas.get('og:url');
  if (url) meta.url = url;
  const title = metas.get('og:title') ?? document.querySelector('title')?.textContent?.replace(/\s+/g, ' ').trim();
  if (title) meta.title = title;
  const site = metas.get('og:site_name');
  if (site) meta.source = site;
  return meta;
}

/** Readability's own threshold: an article of this many characters is taken at the first attempt. */
const READABILITY_CHAR_THRESHOLD = 500;

/**
 * The text length from which Readability takes its first attempt: its 500 characters, or half the
 * page's text on a smaller page. A page with under 500 characters of text can never reach 500, so
 * Readability parsed it again for each of its four attempts (with fewer cleaning rules each time)
 * and kept the longest: a fixed cost that made a small page take many milliseconds per KB.
 */
function charThreshold(document: Dom): number {
  const length = document.body?.textContent?.length ?? 0;
  return Math.max(1, Math.min(READABILITY_CHAR_THRESHOLD, Math.ceil(length / 2)));
}

/** The document for one HTML file's content. */
export function readHtml(page: string, file: string): SourceDocument {
  // Nesting beyond reason is cut before any parsing (see html-depth.ts).
  const { depth, depthSum } = nesting(page);
  const html = capNesting(page, undefined, depth);
  const { document } = parseHTML(html);
  // The parser leaves a run of text broken at every '<' that opens no tag ("<<<<", "a < b") as that
  // many text nodes, which Readability then visits one by one (4,000 of them: 8 ms for 4 KB): joined.
  document.documentElement?.normalize();
  const meta = pageMeta(document);
  let text = '';
  let title: string | undefined;
  let site: string | undefined;
  const readability = depth <= MAX_READABILITY_DEPTH && depthSum <= MAX_READABILITY_DEPTH_SUM_PER_KB * Math.max(1, page.length / 1024);
  if (readability) {
    try {
      const article = new Readability(document as unknown as Document, {
        serializer: (node: Node) => node,
        charThreshold: charThreshold(document),
      }).parse();
      if (article?.content) text = domToText(article.content as unknown as Parameters<typeof domToText>[0]);
      title = article?.title?.trim() || undefined;
      site = article?.siteName?.trim() || undefined;
    } catch {
      // Readability can fail on odd markup; the body text below still gives the document.
    }
  }
  if (text.trim() === '') {
    // Readability changed the document: read the body from a fresh parse.
    const body = readability ? parseHTML(html).document.body : document.body;
    text = body ? domToText(body as unknown as Parameters<typeof domToText>[0]) : '';
  }
  if (text.trim() === '') throw new IngestFailure('no text in the HTML page');
  const doc: SourceDocument = { text, bodyStart: 0, origin: { file } };
  const docTitle = title ?? meta.title;
  if (docTitle) doc.title = docTitle;
  if (meta.date) doc.date = meta.date;
  if (meta.url) doc.url = meta.url;
  const source = meta.source ?? site;
  if (source) doc.source = source;
  return doc;
}

/** An HTML page to read: what the feeds fetch for summary-only items. */
export interface PageInput {
  html: string;
  url: string;
}
/** A page's main text (after its title), title and date; or why it could not be read. */
export type PageReadResult = { body: string; title?: string; date?: string } | { error: string };

/** Reads a fetched page for a feed item: its main text after the title, its title and date. */
export function readPage(page: PageInput): PageReadResult {
  try {
    const doc = readHtml(page.html, page.url);
    return { body: doc.text.slice(doc.bodyStart ?? 0).trim(), ...(doc.title ? { title: doc.title } : {}), ...(doc.date ? { date: doc.date } : {}) };
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
}
