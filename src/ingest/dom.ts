// linkedom's parseHTML, without a cost per node that nothing here uses. linkedom's EventTarget
// constructor, which every node runs (element, text, comment, attribute), puts the node into a
// WeakMap of event listeners whether or not anything ever listens. Reading pages never listens, and
// the entries are far from free: V8 grows the WeakMap with every node of every page until a garbage
// collection, and collecting it is ephemeron work. In a profile of small hostile pages that
// constructor was 30% of all the time (a page of 4,000 stray '<', each a text node: parsed in
// 2.9 ms, 0.6 ms without it; the middle of 500 parses 35 ms -> 0.8 ms, the collections included).
//
// Here nodes skip that constructor (their class's base is swapped for an empty one) and the three
// EventTarget methods keep listeners in a map of their own, made on a target's first
// addEventListener. Events behave as they did: the dispatch below is linkedom 0.18's own
// (interface/event-target.js, ISC licence), reading this map instead of linkedom's. When linkedom
// is not built as expected (another version), nothing is changed.
import { EventTarget as LinkedomEventTarget, Node as LinkedomNode, parseHTML } from 'linkedom';

export { parseHTML };

type Listener = ((event: unknown) => void) | { handleEvent(event: unknown): void };
type Listeners = Map<string, Map<Listener, { once?: boolean } | boolean | undefined>>;
interface DomEvent {
  type: string;
  bubbles: boolean;
  eventPhase: number;
  currentTarget?: unknown;
  target?: unknown;
  cancelBubble: boolean;
  defaultPrevented: boolean;
  _stopImmediatePropagationFlag: boolean;
  _path: { currentTarget: Target; target: Target }[];
  readonly NONE: number;
  readonly CAPTURING_PHASE: number;
  readonly AT_TARGET: number;
  readonly BUBBLING_PHASE: number;
}
interface Target {
  dispatchEvent?: unknown;
  _getParent?: () => Target | null;
}

const listeners = new WeakMap<object, Listeners>();

function dispatch(event: DomEvent, listener: Listener): boolean {
  if (typeof listener === 'function') listener.call(event.target, event);
  else listener.handleEvent(event);
  return event._stopImmediatePropagationFlag;
}

function invokeListeners(this: DomEvent, { currentTarget, target }: { currentTarget: Target; target: Target }): boolean | undefined {
  const map = listeners.get(currentTarget);
  const forType = map?.get(this.type);
  if (!forType) return undefined;
  this.eventPhase = currentTarget === target ? this.AT_TARGET : this.BUBBLING_PHASE;
  this.currentTarget = currentTarget;
  this.target = target;
  for (const [listener, options] of forType) {
    if (options && typeof options === 'object' && options.once) forType.delete(listener);
    if (dispatch(this, listener)) break;
  }
  delete this.currentTarget;
  delete this.target;
  return this.cancelBubble;
}

const lazyMethods = {
  addEventListener(this: object, type: string, listener: Listener, options?: { once?: boolean } | boolean): void {
    let map = listeners.get(this);
    if (!map) listeners.set(this, (map = new Map()));
    let forType = map.get(type);
    if (!forType) map.set(type, (forType = new Map()));
    forType.set(listener, options);
  },
  removeEventListener(this: object, type: string, listener: Listener): void {
    const map = listeners.get(this);
    const forType = map?.get(type);
    if (forType && forType.delete(listener) && forType.size === 0) map!.delete(type);
  },
  dispatchEvent(this: Target, event: DomEvent): boolean {
    let node: Target | null | undefined = this;
    event.eventPhase = event.CAPTURING_PHASE;
    // As linkedom: the path is the target and, for an event that bubbles, its parents.
    while (node) {
      if (node.dispatchEvent) event._path.push({ currentTarget: node, target: this });
      node = event.bubbles ? node._getParent?.() : null;
    }
    event._path.some(invokeListeners, event);
    event._path = [];
    event.eventPhase = event.NONE;
    return !event.defaultPrevented;
  },
};

/** Whether the swap was made (false: linkedom is not built as expected, and runs as it is). */
export const lazyNodeListeners: boolean = (() => {
  // linkedom exports Node as a facade whose own base is its Node class, whose base is EventTarget.
  const nodeClass = Object.getPrototypeOf(LinkedomNode) as { prototype: object } | null;
  const proto = LinkedomEventTarget.prototype as unknown as Record<string, unknown>;
  if (!nodeClass || Object.getPrototypeOf(nodeClass) !== LinkedomEventTarget) return false;
  if (Object.getPrototypeOf(nodeClass.prototype) !== proto) return false;
  for (const name of Object.keys(lazyMethods)) if (typeof proto[name] !== 'function') return false;
  // Every EventTarget (nodes and a document's window alike) now keeps its listeners in the map above.
  for (const [name, fn] of Object.entries(lazyMethods)) {
    Object.defineProperty(proto, name, { value: fn, writable: true, configurable: true, enumerable: false });
  }
  // The nodes' base: a constructor that registers nothing (`super()` in linkedom's Node calls it).
  Object.setPrototypeOf(nodeClass, function NodeBase() {});
  return true;
})();

/** An element as `elementsNamed` walks it (linkedom's, or any DOM's). */
export interface WalkedElement {
  localName: string;
  parentNode: unknown;
  firstElementChild: WalkedElement | null;
  nextElementSibling: WalkedElement | null;
  hasAttribute(name: string): boolean;
  getAttribute(name: string): string | null;
  readonly textContent: string | null;
}

/**
 * The elements below `root` (a document or an element) whose name is one of `names`, in document
 * order: what `root.querySelectorAll(names.join(','))` gives on an HTML document (names compared
 * in lower case, as css-select compares tag names there, the content of a <template> not searched, `root` itself not
 * included), without linkedom parsing and compiling the selector again on every call (css-what and
 * css-select: a third of the time of such a call on a small page).
 */
export function elementsNamed(root: { firstElementChild: unknown }, names: readonly string[]): WalkedElement[] {
  const wanted = names.map((n) => n.toLowerCase());
  const found: WalkedElement[] = [];
  let el = root.firstElementChild as WalkedElement | null;
  while (el) {
    const name = el.localName;
    if (wanted.includes(name) || wanted.includes(name.toLowerCase())) found.push(el);
    // Down to the first child (not into a template, as linkedom's querySelectorAll), else on to the
    // next sibling of the element or of its nearest ancestor below `root` that has one.
    let next = name === 'template' ? null : el.firstElementChild;
    while (!next && el) {
      next = el.nextElementSibling;
      if (!next) {
        const parent = el.parentNode as WalkedElement | null;
        el = parent === root || !parent ? null : parent;
      }
    }
    el = next;
  }
  return found;
}

/** A '<' that opens nothing: not followed by a letter (a tag), '/', '!' or '?' (HTML's tokenizer). */
const STRAY_LT = /<(?![A-Za-z/!?])/g;
const HAS_STRAY_LT = /<(?![A-Za-z/!?])/;

/**
 * `html` with each '<' that opens no tag ("<<<<", "a < b") replaced by a character (of Unicode's
 * private use area) that `html` does not hold, and `restore`, which turns that character back into
 * '<' in what is read from the parsed page. The parser makes a text node of every such '<', and the
 * text around each another: a run of 4,000 was 4,000 nodes to make, join and walk. Such a '<' is
 * text wherever it stands (text, an attribute's value, a comment), so it is parsed as another
 * character of the same length. When the page holds no stray '<' (or every stand-in tried), it is
 * returned as it is and `restore` changes nothing.
 */
export function standInForStrayLt(html: string): { html: string; restore: <T extends string | undefined>(s: T) => T } {
  if (!HAS_STRAY_LT.test(html)) return { html, restore: (s) => s };
  for (let code = 0xe000; code < 0xe010; code++) {
    const ch = String.fromCharCode(code);
    if (html.includes(ch)) continue;
    return { html: html.replace(STRAY_LT, ch), restore: <T extends string | undefined>(s: T) => (s === undefined ? s : (s.replaceAll(ch, '<') as T)) };
  }
  return { html, restore: (s) => s };
}
