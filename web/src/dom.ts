// DOM building without HTML strings. Everything that comes from a document (titles, text, actors,
// notes) is untrusted: it only ever reaches the page as text nodes or attribute values, never
// through innerHTML. This module is the one way the dashboard creates elements.

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

/** An element with attributes (on* keys become listeners) and children (strings become text nodes). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (typeof value !== 'function') {
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(el, ...children);
  return el;
}

export function append(parent: Node, ...children: (Child | Child[])[]): void {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

export function clear(el: Node): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

/** A span of text [start, end) and the labels it carries (field names, for instance). */
export interface LabelledSpan {
  start: number;
  end: number;
  label: string;
}

/**
 * The text as nodes, each stretch covered by spans wrapped in <mark> (data-labels: the labels,
 * space-separated), built by slicing the text: overlapping spans split into pieces, never nested
 * HTML. Spans outside the text are ignored. O((n + k) log k) for k spans.
 */
export function highlightedText(text: string, spans: LabelledSpan[], describe?: (labels: string[]) => string): DocumentFragment {
  const frag = document.createDocumentFragment();
  const valid = spans.filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= text.length && s.start < s.end);
  const cuts = new Set<number>([0, text.length]);
  for (const s of valid) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  // Sweep: spans sorted by start enter the active set; ended ones leave it.
  const byStart = [...valid].sort((a, b) => a.start - b.start);
  const active: LabelledSpan[] = [];
  let next = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    while (next < byStart.length && byStart[next]!.start <= from) active.push(byStart[next++]!);
    for (let j = active.length - 1; j >= 0; j--) if (active[j]!.end <= from) active.splice(j, 1);
    const piece = text.slice(from, to);
    if (active.length === 0) {
      frag.appendChild(document.createTextNode(piece));
    } else {
      const labels = [...new Set(active.map((s) => s.label))];
      const mark = h('mark', { 'data-labels': labels.join(' '), title: describe ? describe(labels) : labels.join(', ') }, piece);
      frag.appendChild(mark);
    }
  }
  return frag;
}

/** An http(s) URL from untrusted input, or undefined (no javascript:, data: or relative links). */
export function safeHttpUrl(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

export function formatNumber(n: number): string {
  return n.toLocaleString('en-GB');
}

/** A small colour square. Styles are set through CSSOM: the page's CSP forbids style attributes. */
export function swatch(color: string): HTMLElement {
  const el = h('span', { class: 'swatch', 'aria-hidden': 'true' });
  el.style.backgroundColor = color;
  return el;
}
