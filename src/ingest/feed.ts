// RSS 2.0, RSS 1.0 (RDF) and Atom feeds: one document per item or entry. The text is the title, a
// blank line, and the description or content converted from HTML to plain text.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { normaliseDate } from './dates.js';
import { htmlFragmentToText } from './html-text.js';
import { describeError, IngestFailure, ingestError } from './input.js';
import { isFeedRoot, xmlRootName } from './xml-root.js';
import type { IngestError, SourceDocument } from './types.js';

type XmlValue = string | number | boolean | XmlObject | XmlValue[] | undefined | null;
interface XmlObject {
  [key: string]: XmlValue;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

/** Text of an element value: a string, an element with attributes (#text), or the first of a list. */
function textOf(v: XmlValue): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) {
    for (const x of v) {
      const t = textOf(x);
      if (t) return t;
    }
    return undefined;
  }
  const t = v['#text'];
  if (t !== undefined) return textOf(t);
  // Atom type="xhtml" content: markup parsed as elements; gather its text.
  const parts: string[] = [];
  for (const [key, child] of Object.entries(v)) {
    if (key.startsWith('@_')) continue;
    const s = textOf(child);
    if (s) parts.push(s);
  }
  return parts.length > 0 ? parts.join(' ') : undefined;
}

/** The first field of `names` that has text. */
function firstText(obj: XmlObject, names: string[]): string | undefined {
  for (const n of names) {
    const t = textOf(obj[n])?.trim();
    if (t) return t;
  }
  return undefined;
}

function childObject(v: XmlValue): XmlObject | undefined {
  const x = Array.isArray(v) ? v[0] : v;
  return x && typeof x === 'object' && !Array.isArray(x) ? x : undefined;
}

function asList(v: XmlValue): XmlObject[] {
  const list = Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
  return list.filter((x): x is XmlObject => typeof x === 'object' && x !== null && !Array.isArray(x));
}

/** Atom link: rel="alternate" (or no rel) href; RSS link: its text. */
function linkOf(item: XmlObject): string | undefined {
  const links = Array.isArray(item.link) ? item.link : item.link === undefined ? [] : [item.link];
  let fallback: string | undefined;
  for (const l of links) {
    if (typeof l === 'string') {
      if (l.trim()) return l.trim();
      continue;
    }
    if (l && typeof l === 'object' && !Array.isArray(l)) {
      const href = typeof l['@_href'] === 'string' ? l['@_href'].trim() : textOf(l)?.trim();
      if (!href) continue;
      const rel = l['@_rel'];
      if (rel === undefined || rel === 'alternate') return href;
      fallback ??= href;
    }
  }
  return fallback;
}

/** RSS <source url="...">Name</source>, or Atom <source> holding the original feed's <title>. */
function sourceOf(v: XmlValue): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  const obj = childObject(v);
  if (!obj) return undefined;
  const name = textOf(obj['#text']) ?? textOf(obj.title);
  return name ? plain(name) || undefined : undefined;
}

/** Plain text of a title or body that may carry HTML (Atom type="html", escaped RSS markup). */
function plain(s: string | undefined): string {
  return s ? htmlFragmentToText(s).trim() : '';
}

/** Line numbers of <item>/<entry> start tags, for messages; undefined when they cannot be matched. */
function itemLines(xml: string, count: number): number[] | undefined {
  const lines: number[] = [];
  const re = /<(?:[A-Za-z_][\w.-]*:)?(?:item|entry)[\s>/]/g;
  let line = 1;
  let last = 0;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    for (let i = xml.indexOf('\n', last); i >= 0 && i < m.index; i = xml.indexOf('\n', i + 1)) line++;
    last = m.index;
    lines.push(line);
  }
  return lines.length === count ? lines : undefined;
}

/**
 * The items of a feed that is not well-formed as a whole: each <item>...</item> (or <entry>) is
 * validated and parsed alone, so one broken item spoils only itself.
 */
function recoverItems(xml: string, tag: 'item' | 'entry'): { items: ({ item: XmlObject; line: number } | { error: string; line: number })[]; title?: string } {
  const out: ({ item: XmlObject; line: number } | { error: string; line: number })[] = [];
  const open = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${tag}[\\s>/]`, 'g');
  const starts: number[] = [];
  for (let m = open.exec(xml); m; m = open.exec(xml)) starts.push(m.index);
  let line = 1;
  let last = 0;
  for (let k = 0; k < starts.length; k++) {
    const start = starts[k]!;
    for (let i = xml.indexOf('\n', last); i >= 0 && i < start; i = xml.indexOf('\n', i + 1)) line++;
    last = start;
    // The item runs to its closing tag, or to the next item when the closing tag is missing.
    const limit = k + 1 < starts.length ? starts[k + 1]! : xml.length;
    const close = xml.indexOf(`</${tag}>`, start);
    const end = close >= 0 && close < limit ? close + tag.length + 3 : limit;
    const piece = xml.slice(start, end);
    const valid = XMLValidator.validate(piece);
    if (valid !== true) {
      out.push({ error: `malformed XML in this ${tag}: ${valid.err.msg}`, line: line + valid.err.line - 1 });
      continue;
    }
    const item = childObject((parser.parse(piece) as XmlObject)[tag]);
    if (item) out.push({ item, line });
  }
  // The feed's title, when the part before the first item holds one.
  const head = xml.slice(0, Math.min(starts[0] ?? 0, 65_536));
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(head)?.[1];
  return title ? { items: out, title: plain(title) || undefined } : { items: out };
}

export async function* readFeed(xml: string, file: string): AsyncGenerator<SourceDocument | IngestError> {
  const rootName = xmlRootName(xml);
  if (!isFeedRoot(rootName)) {
    yield ingestError(file, rootName ? `not an RSS or Atom feed (root element <${rootName}>)` : 'not an XML feed (no root element)');
    return;
  }
  let parsed: XmlObject;
  const local = rootName!.slice(rootName!.indexOf(':') + 1).toLowerCase();
  let items: XmlObject[];
  let lines: (number | undefined)[] | undefined;
  let feedTitle: string | undefined;
  try {
    const valid = XMLValidator.validate(xml);
    if (valid !== true) throw new IngestFailure(`malformed XML: ${valid.err.msg}`, valid.err.line);
    parsed = parser.parse(xml) as XmlObject;
    const root = childObject(parsed[rootName!]) ?? {};
    const channel = local === 'feed' ? root : (childObject(root.channel) ?? {});
    // RSS 1.0 puts items beside the channel; RSS 2.0 inside it; Atom has entries in the feed.
    items = local === 'feed' ? asList(root.entry) : [...asList(channel.item), ...asList(root.item)];
    feedTitle = plain(firstText(channel, ['title'])) || undefined;
    lines = itemLines(xml, items.length);
  } catch (err) {
    // A feed broken somewhere: each item is read on its own, and the broken ones are reported.
    const recovered = recoverItems(xml, local === 'feed' ? 'entry' : 'item');
    if (!recovered.items.some((x) => !('error' in x))) {
      yield ingestError(file, describeError(err), err instanceof IngestFailure ? err.line : undefined);
      return;
    }
    items = [];
    lines = [];
    for (const x of recovered.items) {
      if ('error' in x) yield ingestError(file, x.error, x.line);
      else {
        items.push(x.item);
        lines.push(x.line);
      }
    }
    feedTitle = recovered.title;
  }
  if (items.length === 0) {
    yield ingestError(file, 'feed has no items');
    return;
  }
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const line = lines?.[i];
    const origin = line === undefined ? { file } : { file, line };
    const where = line === undefined ? `item ${i + 1}: ` : '';
    try {
      const title = plain(firstText(item, ['title']));
      const body = plain(firstText(item, ['content:encoded', 'content', 'description', 'summary', 'dc:description']));
      const text = title && body ? `${title}\n\n${body}` : title || body;
      if (!text) {
        yield ingestError(file, `${where}item has no title or text`, line);
        continue;
      }
      const doc: SourceDocument = { text, bodyStart: 0, origin };
      if (title) doc.title = title;
      const rawDate = firstText(item, ['pubDate', 'published', 'dc:date', 'updated', 'issued']);
      const date = rawDate ? normaliseDate(rawDate) : undefined;
      if (date) doc.date = date;
      const url = linkOf(item);
      if (url) doc.url = url;
      const id = firstText(item, ['guid', 'id']) ?? (typeof item['@_rdf:about'] === 'string' ? item['@_rdf:about'] : undefined);
      if (id) doc.id = id;
      const source = sourceOf(item.source) ?? feedTitle;
      if (source) doc.source = source;
      yield doc;
    } catch (err) {
      yield ingestError(file, `${where}${describeError(err)}`, line);
    }
  }
}
