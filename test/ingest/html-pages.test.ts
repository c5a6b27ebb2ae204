// Small HTML pages: the article's text (navigation and other boilerplate dropped), whether the page
// is one plain paragraph (read without Readability) or has parts to choose between (Readability).
import assert from 'node:assert/strict';
import { test } from 'node:test';
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
