// Readability steps done differently here give the document upstream Readability gives. Its retries
// (each a new parse of the body and a new search) are skipped only where they
// could only find the first attempt's article again: the document is the one Readability gives with
// all its retries (upstream, on a fresh parse, with the same threshold).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Readability } from '@mozilla/readability';
import { parseHTML } from '../../src/ingest/dom.js';
import { readHtml } from '../../src/ingest/html.js';
import { domToText } from '../../src/ingest/html-text.js';

const A = 'Soldiers clashed with rebels in Garissa on Monday, killing three people, police said.';
const LINKS = Array.from({ length: 8 }, (_, i) => `<a href="/s${i}">Section number ${i} of the site</a>`).join(' ');
const ITEMS = Array.from({ length: 6 }, (_, i) => `<li>Item ${i} of a list that is not the article but holds much of its text</li>`).join('');

type Proto = { _prepArticle(this: unknown, a: unknown): void };
const proto = Readability.prototype as unknown as Proto;

/** Runs `f` counting Readability's attempts (one _prepArticle each). */
function attempts<T>(f: () => T): { value: T; attempts: number } {
  const own = proto._prepArticle;
  let n = 0;
  proto._prepArticle = function (a) {
    n++;
    return own.call(this, a);
  };
  try {
    return { value: f(), attempts: n };
  } finally {
    proto._prepArticle = own;
  }
}

/** The text upstream Readability gives (all its retries), with readHtml's threshold, or the body's. */
function upstream(html: string): string {
  const { document } = parseHTML(html);
  const shown = domToText(document.body as unknown as Parameters<typeof domToText>[0]);
  const article = new Readability(document as unknown as Document, { serializer: (n: Node) => n, charThreshold: Math.max(1, Math.min(500, Math.ceil(shown.length / 2))) }).parse();
  const text = article?.content ? domToText(article.content as unknown as Parameters<typeof domToText>[0]) : '';
  return text.trim() === '' ? shown : text;
}

test('a first attempt whose conditional cleaning removed only an empty form is kept: one attempt, not four, the same text', () => {
  const html = `<html><body><div><p>${A}</p><form><input name=q></form></div><ol>${ITEMS}</ol></body></html>`;
  const up = attempts(() => upstream(html));
  const ours = attempts(() => readHtml(html, 'a.html'));
  assert.equal(up.attempts, 4);
  assert.equal(ours.attempts, 1);
  assert.equal(ours.value.text, up.value);
});

test('a first attempt whose conditional cleaning removed text, on a page no other rule can act on: the first and the last attempt, not four, the same text', () => {
  const pages = [
    `<html><body><div>${LINKS}</div><div><p>${A}</p></div></body></html>`,
    // (A stray '<', runs of '&' and entities beside an empty paragraph: the fuzz's slowest page.)
    `<html><body><2024-05-20\ntitle: x\n\n${A} ${'&'.repeat(300)} &amp;&lt;&gt;&nbsp; ${'.'.repeat(60)}\n</p></body></html>`,
    `<html><body><div>${LINKS} &amp; more</div><div><p>${A} &amp; ${'&'.repeat(50)} &lt;b&gt;</p></div></body></html>`,
  ];
  for (const html of pages) {
    const up = attempts(() => upstream(html));
    const ours = attempts(() => readHtml(html, 'r.html'));
    assert.equal(up.attempts, 4, html);
    assert.equal(ours.attempts, 2, html);
    assert.equal(ours.value.text, up.value, html);
  }
});

test("a script or a style in the body (Readability removes them before it reads the body's markup): one attempt, not four, the same text", () => {
  for (const extra of ['<script>x("</p><div class=a>")</script>', '<style>p { color: red }</style>', '<script>a()</script><style>b {}</style>']) {
    const html = `<html><body><div><p>${A}</p>${extra}<form><input name=q></form></div><ol>${ITEMS}</ol></body></html>`;
    const up = attempts(() => upstream(html));
    const ours = attempts(() => readHtml(html, 's.html'));
    assert.equal(up.attempts, 4, html);
    assert.equal(ours.attempts, 1, html);
    assert.equal(ours.value.text, up.value, html);
  }
});

test('retries are kept where they can find more: a class, a role, an author, foreign or raw-text content in the body', () => {
  const pages = [
    `<html><body><div class="sidebar">${LINKS} and a long sidebar text about many other things here and there</div><p>${A}</p></body></html>`,
    `<html><body><div role="complementary">${LINKS} and a long sidebar text about many other things</div><p>${A}</p><form><input></form></body></html>`,
    `<html><body><p rel="author">By A Reporter</p><div>${LINKS}</div><p>${A}</p></body></html>`,
    `<html><body><div><p>${A}</p><form><input name=q></form><noscript><p>x</p></noscript></div><ol>${ITEMS}</ol></body></html>`,
    `<html><body><div><p>${A}</p><form><input name=q></form><textarea>x</textarea></div><ol>${ITEMS}</ol></body></html>`,
  ];
  for (const html of pages) {
    const up = attempts(() => upstream(html));
    const ours = attempts(() => readHtml(html, 'b.html'));
    assert.equal(ours.attempts, up.attempts, html);
    assert.equal(ours.value.text, up.value, html);
  }
});

test('a page where Readability finds an empty article each time: one attempt, and the body text as before', () => {
  // (The footer is removed from every attempt's article, the form is empty.)
  const html = `<html><body><div><footer>${A}</footer><form><input></form></div></body></html>`;
  const up = attempts(() => upstream(html));
  const ours = attempts(() => readHtml(html, 'c.html'));
  assert.ok(up.attempts > ours.attempts, `${up.attempts} upstream, ${ours.attempts} here`);
  assert.equal(ours.value.text, up.value);
});

test('links left as they are (no URL made absolute), class attributes kept: the same text as upstream Readability; javascript: links become their text as there', () => {
  const body = `<p>${A} See <a href="/world/africa">the map</a> and <a href="javascript:void(0)">more</a>.</p>
    <div><a href="javascript:open()"> </a></div><p>Residents, <a href="javascript:x()"><b>two</b> of them</a>, said the fighting lasted two hours, and more.</p>
    <p class="caption">Picture: <img src="a.png" srcset="a.png 1x, b.png 2x"> a street in Garissa, where police said the clashes began.</p>`;
  for (const html of [`<html><body><article>${body}</article></body></html>`, `<html><body><div class="story">${body}</div><ol>${ITEMS}</ol></body></html>`]) {
    const up = upstream(html);
    assert.equal(readHtml(html, 'd.html').text, up, html);
    assert.match(up, /two of them/);
  }
});

test("the article's markup is not written out for Readability's debug log, which is off: only the body's markup (kept for its retries) is made, and the text is upstream's", () => {
  // Readability's parse() builds "Grabbed: " + the article's innerHTML for its log whether or not
  // the log is on: a whole serialisation of the article on every page.
  const { document } = parseHTML('<html><body><p>x</p></body></html>');
  let proto: object | null = Object.getPrototypeOf(document.body);
  let own: PropertyDescriptor | undefined;
  while (proto && !(own = Object.getOwnPropertyDescriptor(proto, 'innerHTML'))) proto = Object.getPrototypeOf(proto);
  assert.ok(proto && own?.get, "linkedom's innerHTML accessor");
  const written: string[] = [];
  Object.defineProperty(proto, 'innerHTML', {
    ...own,
    get(this: { localName: string }) {
      written.push(this.localName);
      return own!.get!.call(this);
    },
  });
  try {
    const paragraphs = Array.from({ length: 6 }, (_, i) => `<p class="p${i}">${A} Residents said the fighting lasted ${i + 2} hours &amp; more.</p>`).join('');
    // (A class: Readability may retry, so the body's markup is kept.)
    const html = `<html><body><nav class="menu"><a href="/">Home</a></nav><article>${paragraphs}</article></body></html>`;
    const up = upstream(html);
    written.length = 0;
    assert.equal(readHtml(html, 'e.html').text, up);
    assert.deepEqual(written, ['body']);
    // No class, id or role: its retries can only find the same article; the body is copied, not written out.
    const plain = `<html><body><nav><a href="/">Home</a></nav><article>${paragraphs.replace(/ class="p\d"/g, '')}</article></body></html>`;
    const upPlain = upstream(plain);
    written.length = 0;
    assert.equal(readHtml(plain, 'f.html').text, upPlain);
    assert.deepEqual(written, []);
  } finally {
    Object.defineProperty(proto, 'innerHTML', own);
  }
});
