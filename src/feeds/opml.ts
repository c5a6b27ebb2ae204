// OPML subscription lists (what feed readers export): every <outline xmlUrl="..."> at any depth.
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface OpmlFeed {
  url: string;
  name?: string;
}

/** The feeds of an OPML document; throws `{message, line}` for a document that is not OPML. */
export function parseOpml(xml: string): OpmlFeed[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw Object.assign(new Error(`malformed XML: ${valid.err.msg}`), { line: valid.err.line });
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'outline' });
  const doc = parser.parse(xml) as { opml?: { body?: { outline?: unknown[] } } };
  if (!doc.opml) throw Object.assign(new Error('not an OPML document (no <opml> root)'), { line: 1 });
  const out: OpmlFeed[] = [];
  const walk = (list: unknown) => {
    if (!Array.isArray(list)) return;
    for (const o of list) {
      if (typeof o !== 'object' || o === null) continue;
      const r = o as Record<string, unknown>;
      const url = typeof r.xmlUrl === 'string' ? r.xmlUrl.trim() : '';
      const name = typeof r.title === 'string' ? r.title : typeof r.text === 'string' ? r.text : undefined;
      if (url) out.push(name ? { url, name } : { url });
      walk(r.outline);
    }
  };
  walk(doc.opml.body?.outline);
  return out;
}
