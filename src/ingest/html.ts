// HTML pages: the article's main text found by Readability (on a linkedom DOM, no browser), with
// title, publication date, canonical URL and site name from the page's metadata. Pages where
// Readability finds no article fall back to the text of the whole body. A page whose body is one
// plain paragraph (see plainBody) is read without Readability, which would keep that whole
// paragraph: the same text without its fixed cost.
import { Readability } from '@mozilla/readability';
import { elementsNamed, parseHTML, standInForStrayLt, type WalkedElement } from './dom.js';
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
  for (const el of elementsNamed(document, ['meta'])) {
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
    for (const el of elementsNamed(document, ['time'])) {
      if (!el.hasAttribute('datetime')) continue;
      const date = normaliseDate(el.getAttribute('datetime') ?? '');
      if (date) {
        meta.date = date;
        break;
      }
    }
  }
  const canonical = elementsNamed(document, ['link']).find((el) => el.hasAttribute('rel') && (el.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical'));
  const url = canonical?.getAttribute('href')?.trim() || metas.get('og:url');
  if (url) meta.url = url;
  const title = metas.get('og:title') ?? elementsNamed(document, ['title'])[0]?.textContent?.replace(/\s+/g, ' ').trim();
  if (title) meta.title = title;
  const site = metas.get('og:site_name');
  if (site) meta.source = site;
  return meta;
}

/** Readability's own threshold: an article of this many characters is taken at the first attempt. */
const READABILITY_CHAR_THRESHOLD = 500;

/**
 * The text length from which Readability takes its first attempt: its 500 characters, or half the
 * text the page shows on a smaller page. A page with under 500 characters of text can never reach
 * 500, so Readability parsed it again for each of its four attempts (with fewer cleaning rules each
 * time) and kept the longest: a fixed cost that made a small page take many milliseconds per KB.
 * The page's text is counted as it is shown (domToText: no script or style, whitespace collapsed),
 * as Readability counts the article's: counted raw, a page's indentation and scripts made a whole
 * article look short of half of it.
 */
function charThreshold(shownLength: number): number {
  return Math.max(1, Math.min(READABILITY_CHAR_THRESHOLD, Math.ceil(shownLength / 2)));
}

/** Inline elements of running text, which Readability keeps as they are. */
const PLAIN_INLINE = new Set(['b', 'i', 'em', 'strong', 'u', 's', 'small', 'sub', 'sup', 'mark', 'span', 'abbr', 'cite', 'q', 'time']);
/** Blocks that may wrap a plain page's paragraph. */
const PLAIN_BLOCK = new Set(['div', 'p']);
/** What a plain page's head may hold (Readability reads the rest of the page as well as the body). */
const PLAIN_HEAD = new Set(['title', 'meta', 'link', 'style', 'script', 'base']);

type DomNode = { nodeType: number; localName?: string; data?: string; attributes?: ArrayLike<unknown>; childNodes: ArrayLike<DomNode> };

/**
 * Whether the body is one plain paragraph: from the body down, a chain of div or p elements each
 * holding nothing but the next (and whitespace), then one element (or the body itself) holding
 * only text and inline elements (b, i, span, ...); no element with an attribute (a class, id,
 * style or role is what Readability judges a part by). On such a page Readability has nothing to
 * choose between or clean: no sibling to drop, no heading, link, list, form or hidden part, and
 * it returns the paragraph, which is the body's text. Checked in one pass over the body.
 */
function plainBody(document: DomNode, root: DomNode, head: DomNode | null, body: DomNode): boolean {
  // One <html> holding the body, nothing else in the page but the head, only metadata in the head
  // (the parser makes up a head and a body where the page has none of its own).
  if (root.localName !== 'html' || !onlyElements(document, (el) => el === root)) return false;
  let hasBody = false;
  if (!onlyElements(root, (el) => el === head || (el === body && (hasBody = true)))) return false;
  if (!hasBody || (head && !onlyElements(head, (el) => PLAIN_HEAD.has(el.localName ?? '')))) return false;
  let el = body;
  for (;;) {
    if ((el.attributes?.length ?? 0) > 0) return false;
    let only: DomNode | undefined;
    let elements = 0;
    let text = false;
    // (linkedom makes a new list of the children each time childNodes is read: read once.)
    const children = el.childNodes;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (child.nodeType === 1) {
        elements++;
        only = child;
      } else if (child.nodeType === 3) {
        if ((child.data ?? '').trim() !== '') text = true;
      } else return false;
    }
    if (text || elements !== 1 || !PLAIN_BLOCK.has(only!.localName ?? '')) break;
    el = only!;
  }
  // `el` holds the text: below it only text, comments and inline elements without attributes.
  const stack: DomNode[] = [];
  const push = (node: DomNode) => {
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) stack.push(children[i]!);
  };
  push(el);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType === 3) continue;
    if (node.nodeType !== 1 || !PLAIN_INLINE.has(node.localName ?? '') || (node.attributes?.length ?? 0) > 0) return false;
    push(node);
  }
  return true;
}

/** Whether `node`'s children are whitespace, comments, a doctype and elements that pass `ok`. */
function onlyElements(node: DomNode, ok: (el: DomNode) => boolean): boolean {
  const children = node.childNodes;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.nodeType === 1 ? !ok(child) : child.nodeType === 3 ? (child.data ?? '').trim() !== '' : child.nodeType !== 8 && child.nodeType !== 10) return false;
  }
  return true;
}

interface ReadabilityMetadata {
  title?: string;
  siteName?: string;
}

/**
 * The title and site name Readability would give the page, read as its parse() reads them (from
 * JSON-LD, meta tags and the <title>) without looking for the article. Readability offers these
 * only through parse(): the two steps are its own methods, and when a version lacks them the page
 * is given to parse() whole (undefined here).
 */
function readabilityMetadata(document: Dom): ReadabilityMetadata | undefined {
  const reader = new Readability(document as unknown as Document) as unknown as {
    _getJSONLD?: (doc: unknown) => object;
    _getArticleMetadata?: (jsonld: object) => ReadabilityMetadata;
  };
  if (typeof reader._getJSONLD !== 'function' || typeof reader._getArticleMetadata !== 'function') return undefined;
  try {
    return reader._getArticleMetadata(reader._getJSONLD(document));
  } catch {
    return undefined;
  }
}

/** The accessor of `innerHTML` that an element inherits (linkedom's), or undefined. */
function innerHtmlAccessor(el: object): PropertyDescriptor | undefined {
  for (let proto = Object.getPrototypeOf(el); proto; proto = Object.getPrototypeOf(proto)) {
    const desc = Object.getOwnPropertyDescriptor(proto, 'innerHTML');
    if (desc) return desc.get && desc.set ? desc : undefined;
  }
  return undefined;
}

/** Readability's own methods that PageReadability replaces or wraps. */
interface ReadabilityInternals {
  _isProbablyVisible(node: WalkedElement): boolean;
  _cleanConditionally(e: unknown, tag: string): void;
  _prepArticle(articleContent: unknown): void;
  _removeNodes(list: ArrayLike<unknown>, filter?: (this: unknown, node: unknown, i: number, list: ArrayLike<unknown>) => boolean): void;
  _grabArticle(page?: unknown): unknown;
  _postProcessContent(articleContent: unknown): void;
}
const readabilityOwn = Readability.prototype as unknown as ReadabilityInternals;

/**
 * Readability with two of its steps done as they were, without two of linkedom's fixed costs: its
 * lists of elements by tag ("script,noscript", "h1,h2", ... which it asks querySelectorAll for, and
 * linkedom parses and compiles every such selector again on every call) are walked for
 * (elementsNamed), and its visibility test reads an element's style only when the element has a
 * style attribute (linkedom makes a CSSStyleDeclaration, a Proxy over a Map of the parsed
 * attribute, for every element asked; without the attribute, display and visibility are '', so
 * the test is the one on `hidden` and `aria-hidden` that follows in Readability's own code).
 *
 * And without retries that can only repeat the first attempt (see flagsIdle). When its first
 * attempt's article is shorter than charThreshold, Readability parses the body again from its
 * markup and tries again with one rule less (unlikely parts kept, then class weights dropped, then
 * no conditional cleaning), and keeps the longest attempt, the first of equals. On a page where
 * none of those rules can act (flagsIdle), and where the first attempt's conditional cleaning
 * removed nothing that holds text, every retry finds an article as long as the first, which
 * Readability would keep (the first of equals), so the first is taken at once: its threshold is
 * lowered to 0. (An empty first article is then returned where Readability, all four attempts
 * empty, returned none: readHtml takes an empty article for none, as Readability never returns
 * one.) On the fuzz pages these were most of the pages retried, each parsed and searched four
 * times. Where that cleaning did remove text, the first two retries (unlikely parts kept, class
 * weights dropped) still find the first article again, and only the last one is run (fuzz seeds
 * 1-8: 133 of 223 four-attempt runs).
 */
class PageReadability extends Readability<Node> {
  /** Whether none of the rules Readability's retries drop can act on the page (flagsIdle). */
  private readonly retriesRepeat: boolean;
  /** Whether its conditional cleaning removed anything (in the attempt under way). */
  private cleanedConditionally = false;

  constructor(document: Document, options: ConstructorParameters<typeof Readability<Node>>[1], retriesRepeat: boolean) {
    super(document, options);
    this.retriesRepeat = retriesRepeat;
  }

  /**
   * Readability's own, with the body put back as it was, for each retry, as one text node per run
   * of text. A retry parses the body again from its markup, where every '&' of the text is written
   * "&amp;", and linkedom makes a text node of each entity (a browser makes one of the whole run):
   * a run of 500 '&' was 500 nodes to make and walk in every later attempt (a 0.8 KB page took
   * 2-4 ms, and 8 times its text 10-25 times as long). The body parsed again is normalised (as
   * readHtml normalises the page as first parsed), so every attempt reads the tree the first one
   * read. On a page whose body reads back from its markup as it was (flagsIdle), a copy of the body
   * is kept instead of its markup, and put back without parsing.
   */
  _grabArticle(page?: unknown): unknown {
    type Body = { cloneNode(deep: boolean): Body; firstChild: unknown; appendChild(node: unknown): void; replaceChildren(): void; normalize(): void };
    const target = (page ?? (this as unknown as { _doc: { body: unknown } })._doc.body) as Body | null;
    const accessor = target ? innerHtmlAccessor(target) : undefined;
    if (!target || !accessor) return readabilityOwn._grabArticle.call(this, page);
    // (Readability reads the body's markup once, at the start, and only to set it back.)
    let kept: { markup: string; copy: Body } | undefined = undefined;
    const keepCopy = this.retriesRepeat;
    Object.defineProperty(target, 'innerHTML', {
      configurable: true,
      get(this: Body): string {
        if (!keepCopy || kept) return accessor.get!.call(this) as string;
        kept = { markup: '<!-- the body as it was -->', copy: this.cloneNode(true) };
        return kept.markup;
      },
      set(this: Body, html: string) {
        if (kept && html === kept.markup) {
          // (Moved one at a time: a body of 100,000 children is too many arguments for one call.)
          const copy = kept.copy.cloneNode(true);
          this.replaceChildren();
          while (copy.firstChild) this.appendChild(copy.firstChild);
        } else accessor.set!.call(this, html);
        this.normalize();
      },
    });
    let article: unknown;
    try {
      article = readabilityOwn._grabArticle.call(this, page);
    } finally {
      delete (target as { innerHTML?: unknown }).innerHTML;
    }
    if (article && typeof article === 'object' && !(this as unknown as { _debug?: boolean })._debug) {
      // parse() writes the article's markup into its debug log ("Grabbed: " + its innerHTML) before
      // the log, when not debugging, drops it: a whole serialisation of the article (42% of the
      // reading time of a large page full of entities). Between this step and the next
      // (_postProcessContent, which takes this away) nothing else reads the article's markup.
      Object.defineProperty(article, 'innerHTML', { configurable: true, get: () => '' });
    }
    return article;
  }

  _postProcessContent(articleContent: unknown): void {
    delete (articleContent as { innerHTML?: unknown }).innerHTML;
    readabilityOwn._postProcessContent.call(this, articleContent);
  }

  _getAllNodesWithTag(node: { firstElementChild: unknown }, tagNames: string[]): WalkedElement[] {
    return elementsNamed(node, tagNames);
  }

  _isProbablyVisible(node: WalkedElement): boolean {
    if (node.hasAttribute('style')) return readabilityOwn._isProbablyVisible.call(this, node);
    // Readability 0.6's test after its two on the style, as it is written there.
    const className = (node as unknown as { className?: { includes?: (s: string) => boolean } }).className;
    return !node.hasAttribute('hidden') && (!node.hasAttribute('aria-hidden') || node.getAttribute('aria-hidden') != 'true' || !!(className && className.includes && className.includes('fallback-image')));
  }

  _cleanConditionally(e: unknown, tag: string): void {
    // Readability's own, with a note of whether it removed a node that holds text (a node without
    // any leaves the article's text and length as they were: a retry without this cleaning finds an
    // article of the same length, and Readability keeps the first of equals).
    const own = readabilityOwn._removeNodes;
    const self = this as unknown as ReadabilityInternals & { cleanedConditionally: boolean };
    self._removeNodes = (list, filter) =>
      own.call(this, list, filter && function (this: unknown, node, i, l) {
        const remove = filter.call(this, node, i, l);
        if (remove && ((node as { textContent?: string | null }).textContent ?? '') !== '') self.cleanedConditionally = true;
        return remove;
      });
    try {
      readabilityOwn._cleanConditionally.call(this, e, tag);
    } finally {
      delete (self as { _removeNodes?: unknown })._removeNodes;
    }
  }

  /**
   * Readability's own without what changes only attributes: it makes every link's and image's URL
   * absolute (a URL parsed for each; only the text is read here). What it does to the text is done
   * as it does it: a javascript: link becomes its text, or a span of its children.
   */
  _fixRelativeUris(articleContent: { firstElementChild: unknown }): void {
    const doc = (this as unknown as { _doc: Document })._doc;
    for (const found of elementsNamed(articleContent, ['a'])) {
      const link = found as unknown as Element;
      const href = link.getAttribute('href');
      if (!href || href.indexOf('javascript:') !== 0) continue;
      if (link.childNodes.length === 1 && link.childNodes[0]!.nodeType === 3) {
        link.parentNode!.replaceChild(doc.createTextNode(link.textContent ?? ''), link);
      } else {
        const container = doc.createElement('span');
        while (link.firstChild) container.appendChild(link.firstChild);
        link.parentNode!.replaceChild(container, link);
      }
    }
  }

  _prepArticle(articleContent: unknown): void {
    const internals = this as unknown as { _attempts: unknown[]; _charThreshold: number; _flags: number; FLAG_STRIP_UNLIKELYS: number; FLAG_WEIGHT_CLASSES: number };
    this.cleanedConditionally = false;
    readabilityOwn._prepArticle.call(this, articleContent);
    if (!this.retriesRepeat || internals._attempts.length > 0) return;
    // The first attempt's article is final when a retry can only find it again.
    if (!this.cleanedConditionally) internals._charThreshold = 0;
    // Else only the last retry, without conditional cleaning, can find another: the two before it
    // (rules that cannot act on the page dropped) are skipped. (Nothing reads these two flags
    // after this step of an attempt; a failed attempt then drops the conditional cleaning.)
    else internals._flags &= ~(internals.FLAG_STRIP_UNLIKELYS | internals.FLAG_WEIGHT_CLASSES);
  }
}

/**
 * Elements whose content the parser reads as raw text or foreign markup (kept out of flagsIdle),
 * but for script and style: Readability removes every one (outside a <template>, which is kept out)
 * before it reads the body's markup, so none is left to read back. (A page with a script in its
 * body was parsed again for each retry: on the 4,284 HTML pages of fuzz seeds 1-3, pages with four
 * attempts 38 -> 7, with two 52 -> 82, the same text on every page.)
 */
const SPECIAL_CONTENT = new Set(['template', 'svg', 'math', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext', 'noscript']);

/**
 * Whether the rules Readability's retries drop cannot act on the page: no element has a class, id
 * or role (what it judges unlikely parts by, and weighs), and none names an author (rel="author",
 * itemprop "author": a byline it takes out of the first attempt only, so a retry would keep it).
 * (Its conditional cleaning, dropped last, is watched as the first attempt runs: PageReadability.)
 * A retry also reads the body again from its markup, so the body must read back as it was: no
 * comment holding a '>', no raw-text or foreign element (textarea, svg, ...) in the body.
 */
function flagsIdle(document: { documentElement: unknown }, body: unknown): boolean {
  const stack: { node: DomNode; inBody: boolean }[] = [{ node: document.documentElement as DomNode, inBody: false }];
  while (stack.length > 0) {
    const { node, inBody } = stack.pop()!;
    if (node.nodeType === 8) {
      if ((node.data ?? '').includes('>')) return false;
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as unknown as WalkedElement & DomNode;
    if (el.hasAttribute('class') || el.hasAttribute('id') || el.hasAttribute('role')) return false;
    if ((el.getAttribute('rel') ?? '') === 'author' || (el.getAttribute('itemprop') ?? '').includes('author')) return false;
    const below = inBody || node === body;
    if (below && SPECIAL_CONTENT.has((el.localName ?? '').toLowerCase())) return false;
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) stack.push({ node: children[i]!, inBody: below });
  }
  return true;
}

/** Elements whose text Readability removes before it looks for an article. */
const REMOVED_FIRST = new Set(['script', 'noscript', 'style']);

/** Readability's paragraphs: the elements it scores (a div it makes a paragraph, or wraps text in one). */
const SCORED = new Set(['section', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'td', 'pre', 'div']);

/**
 * Whether Readability is sure to find no text on the page, in any of its four attempts (each but
 * the first on a new parse of the body): on a fifth of the fuzz pages (1,058 of 5,712, seeds 1-4)
 * it ran all four for nothing. Readability makes no text of its own (it moves, wraps and renames
 * the page's nodes), and builds its article from the paragraphs (SCORED) that hold text and their
 * ancestors or, when none holds any, from the body. So it finds nothing when every text node (or
 * CDATA) with more than whitespace is outside the body and inside no such element, or in a script
 * or style it removes first (not inside a <template>: it does not remove those); and no comment
 * holds a '>': one that holds "-->" (a comment opened by "<![CDATA[" ends at "]]>") is written out
 * whole and parsed back, in its later attempts and in the images it takes out of <noscript>, as a
 * shorter comment and text.
 */
function readabilityFindsNothing(document: DomNode, body: DomNode): boolean {
  type Visit = { node: DomNode; removed: boolean; inTemplate: boolean; reachable: boolean };
  const stack: Visit[] = [{ node: document, removed: false, inTemplate: false, reachable: false }];
  while (stack.length > 0) {
    const { node, removed, inTemplate, reachable } = stack.pop()!;
    if (node.nodeType === 3 || node.nodeType === 4) {
      if (!removed && reachable && /\S/.test(node.data ?? '')) return false;
      continue;
    }
    if (node.nodeType === 8) {
      if ((node.data ?? '').includes('>')) return false;
      continue;
    }
    const name = node.nodeType === 1 ? (node.localName ?? '').toLowerCase() : '';
    const visit: Visit = {
      node,
      removed: removed || (!inTemplate && REMOVED_FIRST.has(name)),
      inTemplate: inTemplate || name === 'template',
      reachable: reachable || node === body || SCORED.has(name),
    };
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) stack.push({ ...visit, node: children[i]! });
  }
  return true;
}

/** The document for one HTML file's content. */
export function readHtml(page: string, file: string): SourceDocument {
  // Nesting beyond reason is cut before any parsing (see html-depth.ts).
  const { depth, depthSum } = nesting(page);
  // A '<' that opens no tag is parsed as a character the page does not hold (one text node for a
  // run of them, not one per '<'), turned back into '<' in what is read from the page.
  const standIn = standInForStrayLt(capNesting(page, undefined, depth));
  const restore = standIn.restore;
  const { document } = parseHTML(standIn.html);
  // Text split by entities ("&amp;&amp;") is still one node per piece: joined.
  document.documentElement?.normalize();
  const meta = pageMeta(document);
  let text = '';
  let title: string | undefined;
  let site: string | undefined;
  const depthOk = depth <= MAX_READABILITY_DEPTH && depthSum <= MAX_READABILITY_DEPTH_SUM_PER_KB * Math.max(1, page.length / 1024);
  const root = document.documentElement as unknown as DomNode | null;
  const body = document.body as unknown as DomNode | null;
  const plain = depthOk && root && body && plainBody(document as unknown as DomNode, root, document.head as unknown as DomNode | null, body);
  const plainMeta = plain ? readabilityMetadata(document) : undefined;
  if (plainMeta) {
    text = domToText(document.body as unknown as Parameters<typeof domToText>[0]);
    title = plainMeta.title?.trim() || undefined;
    site = plainMeta.siteName?.trim() || undefined;
  }
  const readability = depthOk && !plainMeta;
  // The body's text before Readability changes the document: its length sets Readability's
  // threshold, and it is the document's text when Readability finds none (it was read again from a
  // second parse of the page: on a fifth of the fuzz pages, after Readability's four attempts).
  const shown = readability && document.body ? domToText(document.body as unknown as Parameters<typeof domToText>[0]) : '';
  if (readability && shown.trim() === '' && body && readabilityFindsNothing(document as unknown as DomNode, body)) throw new IngestFailure('no text in the HTML page');
  if (readability) {
    try {
      const article = new PageReadability(
        document as unknown as Document,
        // (keepClasses: its last step, taking the class attributes off the article, is not needed for its text.)
        { serializer: (node: Node) => node, charThreshold: charThreshold(shown.length), keepClasses: true },
        flagsIdle(document, document.body),
      ).parse();
      // (An article without text is none: Readability returns one only with text, see PageReadability.)
      const found = article && (article.textContent ?? '').trim() !== '' ? article : null;
      if (found?.content) text = domToText(found.content as unknown as Parameters<typeof domToText>[0]);
      title = found?.title?.trim() || undefined;
      site = found?.siteName?.trim() || undefined;
    } catch {
      // Readability can fail on odd markup; the body text below still gives the document.
    }
  }
  if (text.trim() === '') {
    if (readability) text = shown;
    else text = document.body ? domToText(document.body as unknown as Parameters<typeof domToText>[0]) : '';
  }
  if (text.trim() === '') throw new IngestFailure('no text in the HTML page');
  const doc: SourceDocument = { text: restore(text)!, bodyStart: 0, origin: { file } };
  const docTitle = restore(title ?? meta.title);
  if (docTitle) doc.title = docTitle;
  if (meta.date) doc.date = meta.date;
  const url = restore(meta.url);
  if (url) doc.url = url;
  const source = restore(meta.source ?? site);
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
