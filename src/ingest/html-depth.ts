// Deeply nested HTML costs the DOM and Readability time that grows faster than the page (50,000
// nested divs took 89 s): one linear scan of the tags measures the nesting, and a page nested
// deeper than MAX_DOM_DEPTH loses the tags below that depth (their text stays, in the element at
// the cap) before it is parsed. Elements that close themselves (void elements, `<br/>`) or that
// the HTML parser closes implicitly when a sibling opens (p, li, td, ...) do not add depth; the
// content of script, style and similar elements is skipped, as are comments.

/** Deeper than this, tags are dropped before parsing. */
export const MAX_DOM_DEPTH = 256;
/** Deeper than this, Readability (whose time grows steeply with depth on linkedom) is not run. */
export const MAX_READABILITY_DEPTH = 64;
/**
 * Nor when the elements' depths add up to more than this per KB of page: a small page nested
 * deep (a chain of 50 divs around one paragraph) costs Readability 10 ms and more, where a news
 * page (a few thousand elements, 15 to 30 deep, 100 KB and more) adds up to 150 to 300 per KB.
 */
export const MAX_READABILITY_DEPTH_SUM_PER_KB = 600;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen', 'command', 'basefont', 'frame', 'isindex']);
const AUTO_CLOSED = new Set(['p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'colgroup', 'caption', 'rb', 'rt', 'rtc', 'rp', 'html', 'head', 'body']);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext']);

interface Tag {
  /** Index of '<' and one past '>' (or the end of the text). */
  start: number;
  end: number;
  name: string;
  closing: boolean;
  selfClosing: boolean;
}

function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 58 || c === 95;
}

/** Every tag of `html` in order, one linear pass (comments and raw-text contents skipped). */
function* tags(html: string): Generator<Tag> {
  const n = html.length;
  let i = html.indexOf('<');
  while (i >= 0 && i < n - 1) {
    const c = html.charCodeAt(i + 1);
    if (c === 33) {
      // <!-- comment --> or <!DOCTYPE ...> / <![CDATA[ ... ]]>
      const close = html.startsWith('<!--', i) ? html.indexOf('-->', i + 4) : html.indexOf('>', i + 2);
      if (close < 0) return;
      i = html.indexOf('<', close + 1);
      continue;
    }
    const closing = c === 47;
    let j = closing ? i + 2 : i + 1;
    const nameStart = j;
    while (j < n && isNameChar(html.charCodeAt(j))) j++;
    if (j === nameStart) {
      i = html.indexOf('<', i + 1);
      continue;
    }
    const name = html.slice(nameStart, j).toLowerCase();
    // The tag ends at the next '>' outside quoted attribute values.
    let quote = 0;
    let k = j;
    for (; k < n; k++) {
      const ch = html.charCodeAt(k);
      if (quote) {
        if (ch === quote) quote = 0;
      } else if (ch === 34 || ch === 39) {
        // A quote opens a value only after '='.
        let b = k - 1;
        while (b > j && (html.charCodeAt(b) === 32 || html.charCodeAt(b) === 9 || html.charCodeAt(b) === 10)) b--;
        if (html.charCodeAt(b) === 61) quote = ch;
      } else if (ch === 62) break;
    }
    if (k >= n) return; // an unterminated tag: the parser treats the rest as text-ish; stop here
    const tag: Tag = { start: i, end: k + 1, name, closing, selfClosing: html.charCodeAt(k - 1) === 47 };
    yield tag;
    if (!closing && RAW_TEXT.has(name)) {
      // Skip to the matching end tag (case-insensitive search without copying the whole text).
      const lower = `</${name}`;
      let e = k + 1;
      for (;;) {
        e = html.indexOf('</', e);
        if (e < 0) return;
        if (html.slice(e, e + lower.length).toLowerCase() === lower) break;
        e += 2;
      }
      i = e;
      continue;
    }
    i = html.indexOf('<', k + 1);
  }
}

function addsDepth(t: Tag): boolean {
  return !t.selfClosing && !VOID.has(t.name) && !AUTO_CLOSED.has(t.name);
}

/** The deepest nesting of elements in `html` (approximate: as the tags are written). */
export function nestingDepth(html: string): number {
  return nesting(html).depth;
}

/**
 * The deepest nesting, and the sum over elements of their depth (the number of (element, ancestor)
 * pairs: what Readability's passes over each element's subtree cost together).
 */
export function nesting(html: string): { depth: number; depthSum: number } {
  let depth = 0;
  let max = 0;
  let depthSum = 0;
  for (const t of tags(html)) {
    if (!addsDepth(t)) continue;
    if (t.closing) depth = Math.max(0, depth - 1);
    else {
      depthSum += ++depth;
      if (depth > max) max = depth;
    }
  }
  return { depth: max, depthSum };
}

/** `html` with the tags nested deeper than `maxDepth` removed (their text kept); unchanged when shallower. */
export function capNesting(html: string, maxDepth = MAX_DOM_DEPTH, depthOfHtml = nestingDepth(html)): string {
  if (depthOfHtml <= maxDepth) return html;
  const parts: string[] = [];
  let last = 0;
  let depth = 0;
  for (const t of tags(html)) {
    if (!addsDepth(t)) continue;
    let drop: boolean;
    if (t.closing) {
      drop = depth > maxDepth;
      depth = Math.max(0, depth - 1);
    } else {
      depth++;
      drop = depth > maxDepth;
    }
    if (drop) {
      parts.push(html.slice(last, t.start), ' ');
      last = t.end;
    }
  }
  parts.push(html.slice(last));
  return parts.join('');
}
