// Small HTML pages: the article's text (navigation and other boilerplate dropped), whether the page
// is one plain paragraph (read without Readability) or has parts to choose between (Readability).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Readability } from '@mozilla/readability';
import { readHtml } from '../../src/ingest/html.js';

const ARTICLE = 'Soldiers clashed with rebels in Garissa on Monday, killing three people, police said.';
const HEAD = '<head><title>Clashes in Garissa leave three dead | Example News</title><meta property="og:site_name" content="Example News"></head>';

test('a page of one plain paragraph gives the same document as the same page with navigation around it', () => {
  const plain = readHtml(`<!DOCTYPE html><html>${HEAD}<body><div><div><p>${ARTICLE} <b>Two</b> were <i>wounded</i>.</p></div></div></body></html>`, 'plain.html');
  const withNav = readHtml(
    `<!DOCTYPE html><html>${HEAD}<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><div><div><p>${ARTICLE} <b>Two</b> were <i>wounded</i>.</p></div></div><footer>Copyright Example News</footer></body></html>`,
    'nav.html',
  );
  assert.equal(plain.text, `${ARTICLE} Two were wounded.`);
  assert.deepEqual(plain, { ...withNav, origin: plain.origin });
  // The title as Readability gives it (the site's name cut off), the site from the metadata.
  assert.equal(plain.title, 'Clashes in Garissa leave three dead');
  assert.equal(plain.source, 'Example News');
});

test('a plain paragraph: title and site from JSON-LD as Readability reads them; text straight in the body', () => {
  const ld = '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Garissa clashes","publisher":{"@type":"Organization","name":"LD News"}}</script>';
  const doc = readHtml(`<html><head>${ld}</head><body>\n  ${ARTICLE}\n</body></html>`, 'ld.html');
  assert.equal(doc.text, ARTICLE);
  assert.equal(doc.title, 'Garissa clashes');
  assert.equal(doc.source, 'LD News');
});

test('a small page with navigation, a heading, a script and a footer gives its article text only', () => {
  const page = `<html><head><title>Brief</title></head><body>
      <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/africa">Africa</a></nav>
      <article><h1>Clashes in Garissa</h1>
        <p>${ARTICLE}</p>
        <script>var tracking = "${'x'.repeat(600)}";</script>
        <p>Residents said the fighting lasted two hours.</p>
      </article>
      <footer>Copyright Example News</footer></body></html>`;
  const doc = readHtml(page, 'small.html');
  assert.equal(doc.text, `Clashes in Garissa\n\n${ARTICLE}\n\nResidents said the fighting lasted two hours.`);
});

test('text beside the paragraph is not a plain page: Readability still chooses', () => {
  // A navigation line straight in the body next to the article's block is dropped, as before.
  const doc = readHtml(`<html><body>Home | World<div><p>${ARTICLE}</p><p>${ARTICLE}</p></div></body></html>`, 'beside.html');
  assert.equal(doc.text, `${ARTICLE}\n\n${ARTICLE}`);
});

test('hidden parts (a style, the hidden attribute, aria-hidden) are dropped; an aria-hidden fallback image is kept', () => {
  const page = `<html><body><article><p style="display: none">A hidden paragraph that is not part of the article.</p><p style="color: red">${ARTICLE}</p>
    <p hidden>A paragraph hidden by its attribute, also not read.</p><div aria-hidden="true"><p>A paragraph hidden from screen readers, dropped too.</p></div>
    <div aria-hidden="true" class="fallback-image"><p>Residents said the fighting lasted two hours.</p></div><p style="visibility: hidden">Hidden by its style.</p><p>${ARTICLE}</p></article></body></html>`;
  assert.equal(readHtml(page, 'hidden.html').text, `${ARTICLE}\n\nResidents said the fighting lasted two hours.\n\n${ARTICLE}`);
});

/** How many times Readability looks for an article while `f` runs. */
function grabs(f: () => void): number {
  const proto = Readability.prototype as unknown as { _grabArticle: (...args: unknown[]) => unknown };
  const own = proto._grabArticle;
  let calls = 0;
  proto._grabArticle = function (this: unknown, ...args: unknown[]) {
    calls++;
    return own.apply(this, args);
  };
  try {
    f();
  } finally {
    proto._grabArticle = own;
  }
  return calls;
}

test('a page with no text Readability could take is not given to it; text it could take still is', () => {
  // Only a title, a script and whitespace: no text, and Readability is not run (it ran four times).
  const empty = `<html><head><title>Only a title</title><script>var a = "${ARTICLE}";</script></head><body> <div> </div><!-- a note --></body></html>`;
  assert.equal(grabs(() => assert.throws(() => readHtml(empty, 'empty.html'), /no text in the HTML page/)), 0);
  // Text outside the body, in a div of an unknown element left in the head: Readability finds it.
  const inHead = `<html><head><x><y><div>${ARTICLE}</div></y></x></head></html>`;
  let doc: ReturnType<typeof readHtml> | undefined;
  assert.ok(grabs(() => (doc = readHtml(inHead, 'head.html'))) > 0);
  assert.equal(doc!.text, ARTICLE);
  // A comment holding "-->" (one opened by "<![CDATA[" ends at "]]>") is text once Readability parses
  // the body again for a later attempt: the page is still given to it.
  const comment = `<html><body><p><![CDATA[ x --> ${ARTICLE} ]]></p></body></html>`;
  assert.ok(grabs(() => (doc = readHtml(comment, 'comment.html'))) > 0);
  assert.equal(doc!.text, `${ARTICLE} ]]-->`);
});
