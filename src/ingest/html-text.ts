// Plain text from a DOM tree: whitespace collapsed as a browser would, block elements separated by
// blank lines (so sentence splitting sees paragraph ends), scripts, styles and other non-text content
// dropped. Works on linkedom nodes; walks iteratively so deep nesting cannot overflow the stack.
import { parseHTML, standInForStrayLt } from './dom.js';

const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'title', 'meta', 'link', 'svg', 'math', 'iframe',
  'object', 'embed', 'canvas', 'select', 'option', 'button', 'input', 'textarea', 'audio', 'video', 'picture',
  'img', 'map',
]);

/** Elements that end a paragraph. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'hr', 'html', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'thead',
  'tfoot', 'tr', 'ul',
]);

/** Elements that end a line but not a paragraph. */
const LINE = new Set(['br']);

/** Table cells are separated by a space-like gap within their row. */
const CELL = new Set(['td', 'th']);

interface MinimalNode {
  nodeType: number;
  localName?: string;
  data?: string;
  childNodes: ArrayLike<MinimalNode>;
}

class TextBuilder {
  private readonly parts: string[] = [];
  /** 0 none, 1 line break, 2 paragraph break, waiting for the next text. */
  private pendingBreak = 0;
  private lastWasSpace = true;

  add(raw: string, preformatted: boolean): void {
    let s = preformatted ? raw.replace(/\r\n?/g, '\n').replace(/[^\S\n]+/g, ' ') : raw.replace(/\s+/g, ' ');
    if (this.lastWasSpace && s.charCodeAt(0) === 32) s = s.slice(1);
    if (s === '') return;
    if (this.pendingBreak > 0) {
      if (this.parts.length > 0) {
        this.trimEnd();
        this.parts.push(this.pendingBreak === 2 ? '\n\n' : '\n');
      }
      this.pendingBreak = 0;
      if (s.charCodeAt(0) === 32) s = s.slice(1);
      if (s === '') return;
    }
    this.parts.push(s);
    this.lastWasSpace = /\s$/.test(s);
  }

  break(level: number): void {
    if (level > this.pendingBreak) this.pendingBreak = level;
    this.lastWasSpace = true;
  }

  private trimEnd(): void {
    while (this.parts.length > 0) {
      const last = this.parts[this.parts.length - 1]!.trimEnd();
      if (last !== '') {
        this.parts[this.parts.length - 1] = last;
        return;
      }
      this.parts.pop();
    }
  }

  toString(): string {
    this.trimEnd();
    return this.parts.join('');
  }
}

/** Plain text of a DOM node and its descendants. */
export function domToText(root: MinimalNode): string {
  const out = new TextBuilder();
  // Stack entries: a node to visit, or a marker closing an element (null node, with its name).
  const stack: { node: MinimalNode | null; closing?: string }[] = [{ node: root }];
  let preDepth = 0;
  while (stack.length > 0) {
    const { node, closing } = stack.pop()!;
    if (node === null) {
      if (closing === 'pre') preDepth--;
      if (BLOCK.has(closing!)) out.break(2);
      else if (CELL.has(closing!)) out.add(' ', false);
      continue;
    }
    if (node.nodeType === 3) {
      out.add(node.data ?? '', preDepth > 0);
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const name = node.localName ?? '';
    if (SKIP.has(name)) continue;
    if (LINE.has(name)) {
      out.break(1);
      continue;
    }
    if (BLOCK.has(name)) out.break(2);
    if (name === 'pre') preDepth++;
    stack.push({ node: null, closing: name });
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]! });
  }
  return out.toString();
}

/** Plain text of an HTML fragment (a feed item's description). Text without markup is only tidied. */
export function htmlFragmentToText(html: string): string {
  if (!/[<&]/.test(html)) return html.replace(/[^\S\n]+/g, ' ').replace(/ ?\n ?/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
  // (A run of stray '<' is one text node, not one per '<': see standInForStrayLt.)
  const { html: parsed, restore } = standInForStrayLt(html);
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${parsed}</body></html>`);
  return restore(domToText(document.body as unknown as MinimalNode));
}
