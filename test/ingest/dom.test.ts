// ingest/dom.ts: linkedom's nodes no longer register for events when made, and events still work as
// linkedom's own: listeners on a node, bubbling to its parents and the document, `once`, removal,
// stopping, and the window's listeners.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Event } from 'linkedom';
import { elementsNamed, lazyNodeListeners, parseHTML } from '../../src/ingest/dom.js';

test('the installed linkedom is the one dom.ts expects (its nodes skip the listener registration)', () => {
  assert.equal(lazyNodeListeners, true);
});

test('events reach a node and bubble to its parents and the document, in order', () => {
  const { document } = parseHTML('<html><body><div id="outer"><p id="inner">text</p></div></body></html>');
  const inner = document.getElementById('inner')!;
  const outer = document.getElementById('outer')!;
  const seen: string[] = [];
  inner.addEventListener('ping', (e) => seen.push(`inner ${e.eventPhase === e.AT_TARGET ? 'at target' : 'bubbling'}`));
  outer.addEventListener('ping', (e) => seen.push(`outer ${e.eventPhase === e.BUBBLING_PHASE ? 'bubbling' : 'at target'} from ${(e.target as Element).id}`));
  document.addEventListener('ping', () => seen.push('document'));
  assert.equal(inner.dispatchEvent(new Event('ping', { bubbles: true })), true);
  assert.deepEqual(seen, ['inner at target', 'outer bubbling from inner', 'document']);
  // Not bubbling: the target only.
  seen.length = 0;
  inner.dispatchEvent(new Event('ping'));
  assert.deepEqual(seen, ['inner at target']);
});

test('once, removeEventListener, stopPropagation, preventDefault and handleEvent objects', () => {
  const { document } = parseHTML('<html><body><div><p>x</p></div></body></html>');
  const p = document.querySelector('p')!;
  const div = document.querySelector('div')!;
  let once = 0;
  let removed = 0;
  let handled = 0;
  const remove = () => removed++;
  p.addEventListener('a', () => once++, { once: true });
  p.addEventListener('a', remove);
  p.addEventListener('a', { handleEvent: () => handled++ });
  p.removeEventListener('a', remove);
  p.removeEventListener('never-added', remove);
  p.dispatchEvent(new Event('a'));
  p.dispatchEvent(new Event('a'));
  assert.deepEqual([once, removed, handled], [1, 0, 2]);

  let reachedDiv = false;
  div.addEventListener('b', () => (reachedDiv = true));
  p.addEventListener('b', (e) => e.stopPropagation());
  p.dispatchEvent(new Event('b', { bubbles: true }));
  assert.equal(reachedDiv, false);

  p.addEventListener('c', (e) => e.preventDefault());
  assert.equal(p.dispatchEvent(new Event('c', { cancelable: true })), false);
});

test('a text node and an element made by the document listen too; the window keeps its listeners', () => {
  const { document, window } = parseHTML('<html><body></body></html>');
  const text = document.createTextNode('t');
  let heard = 0;
  text.addEventListener('x', () => heard++);
  text.dispatchEvent(new Event('x'));
  const el = document.createElement('span');
  el.onclick = () => heard++;
  el.click();
  window.addEventListener('y', () => heard++);
  window.dispatchEvent(new Event('y'));
  assert.equal(heard, 3);
});

test('elementsNamed finds what querySelectorAll finds: names in any case, document order, not inside a template', () => {
  const { document } = parseHTML(
    '<html><head><title>t</title><script>1</script></head><body><div><p>a<b>b</b></p><SCRIPT>2</SCRIPT><template><p>in a template</p><b>x</b></template><section><h2>h</h2><p>c</p><noscript><img src="i"></noscript></section></div><p>d</p></body></html>',
  );
  // Elements made by script with a name in capitals (as Readability makes them), in a document and in an element.
  const made = document.createElement('DIV');
  made.appendChild(document.createElement('P'));
  document.body.appendChild(made);
  for (const names of [['p'], ['script', 'noscript'], ['b'], ['DIV', 'P', 'SECTION'], ['h2', 'p', 'img'], ['template'], ['nothing']]) {
    for (const root of [document, document.body, document.querySelector('section')!, made]) {
      assert.deepEqual(elementsNamed(root, names), Array.from(root.querySelectorAll(names.join(','))), `${names} below ${(root as Element).localName ?? 'the document'}`);
    }
  }
  assert.equal(elementsNamed(document, ['p']).length, 4);
});
