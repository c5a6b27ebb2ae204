// What kind of XML a text is, from its root element: cheap enough to run on every input, and
// free of the XML and HTML parsers (which load only when a feed or a page is read).

/** Root element name of an XML document (after declarations, comments and doctype), or undefined. */
export function xmlRootName(text: string): string | undefined {
  const re = /<(\?[\s\S]*?\?>|!--[\s\S]*?-->|!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>|([A-Za-z_][\w.:-]*))/gy;
  let pos = 0;
  while (pos < text.length) {
    while (pos < text.length && /\s/.test(text[pos]!)) pos++;
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) return undefined;
    if (m[2]) return m[2];
    pos = re.lastIndex;
  }
  return undefined;
}

/** Whether a root element name is a feed's: rss, feed (Atom), or RDF (RSS 1.0), with any prefix. */
export function isFeedRoot(name: string | undefined): boolean {
  if (!name) return false;
  const local = name.slice(name.indexOf(':') + 1).toLowerCase();
  return local === 'rss' || local === 'feed' || local === 'rdf';
}
