// The small pieces the readers share: date normalisation, format detection, HTML to text, UTF-8 checks.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normaliseDate } from '../../src/ingest/dates.js';
import { csvDelimiter, formatFromExtension, sniffFormat } from '../../src/ingest/detect.js';
import { htmlFragmentToText } from '../../src/ingest/html-text.js';
import { formatIngestError } from '../../src/ingest/index.js';
import { invalidUtf8Offset } from '../../src/ingest/input.js';

test('dates: accepted forms normalise to YYYY-MM-DD, others are rejected', () => {
  const cases: [string, string | undefined][] = [
    ['2022-01-24', '2022-01-24'],
    ['2022-01-24T23:30:00-05:00', '2022-01-24'],
    ['2022-01-24 10:00', '2022-01-24'],
    ['2022/01/24', '2022-01-24'],
    ['24 January 2022', '2022-01-24'],
    ['Mon, 24 Jan 2022 10:00:00 GMT', '2022-01-24'],
    ['24th Jan. 2022', '2022-01-24'],
    ['January 24, 2022', '2022-01-24'],
    ['Monday, January 24, 2022', '2022-01-24'],
    ['2024-02-29', '2024-02-29'],
    ['2023-02-29', undefined],
    ['2022-13-01', undefined],
    ['01/02/2022', undefined],
    ['yesterday', undefined],
    ['24 Smarch 2022', undefined],
    ['20220124', undefined],
    ['', undefined],
  ];
  for (const [input, want] of cases) assert.equal(normaliseDate(input), want, input);
});

test('detect: extensions, unknown ones give nothing (read as text)', () => {
  assert.equal(formatFromExtension('a/b.TXT'), 'text');
  assert.equal(formatFromExtension('x.ndjson'), 'jsonl');
  assert.equal(formatFromExtension('x.jsonl'), 'jsonl');
  assert.equal(formatFromExtension('x.json'), 'json');
  assert.equal(formatFromExtension('x.tsv'), 'csv');
  assert.equal(formatFromExtension('x.htm'), 'html');
  assert.equal(formatFromExtension('x.atom'), 'feed');
  assert.equal(formatFromExtension('x.xml'), 'feed');
  assert.equal(formatFromExtension('README'), undefined);
  assert.equal(formatFromExtension('notes.md'), undefined);
  assert.equal(csvDelimiter('x.tsv'), '\t');
  assert.equal(csvDelimiter('x.csv', 'a\tb\n'), ',');
  assert.equal(csvDelimiter('-', 'a\tb\n'), '\t');
  assert.equal(csvDelimiter('-', 'a,b\tc\n'), ',');
});

test('detect: sniffing content', () => {
  assert.equal(sniffFormat('  [{"text": 1}]'), 'json');
  assert.equal(sniffFormat('{"text": "a"}\n{"text": "b"}'), 'jsonl');
  assert.equal(sniffFormat('{\n "text": "a"\n}'), 'json');
  assert.equal(sniffFormat('<?xml version="1.0"?>\n<rss version="2.0">'), 'feed');
  assert.equal(sniffFormat('<feed xmlns="http://www.w3.org/2005/Atom">'), 'feed');
  assert.equal(sniffFormat('<?xml version="1.0"?><rdf:RDF xmlns:rdf="x">'), 'feed');
  assert.equal(sniffFormat('<!DOCTYPE html><html>'), 'html');
  assert.equal(sniffFormat('<p>hello</p>'), 'html');
  assert.equal(sniffFormat('\uFEFFdate 2022-01-24 text'), 'text');
  assert.equal(sniffFormat('id,text\n1,a'), 'text');
});

test('HTML to text: blocks, line breaks, entities, skipped elements', () => {
  assert.equal(htmlFragmentToText('<h2>Head</h2><p>One&nbsp;two &amp; <b>three</b>.</p><p>Line<br>break</p>'), 'Head\n\nOne two & three.\n\nLine\nbreak');
  assert.equal(htmlFragmentToText('<ul><li>a</li><li>b</li></ul><style>p{}</style><script>x</script><noscript>n</noscript>'), 'a\n\nb');
  assert.equal(htmlFragmentToText('<table><tr><td>x</td><td>y</td></tr></table>'), 'x y');
  assert.equal(htmlFragmentToText('Plain   text\n  with   spaces '), 'Plain text\nwith spaces');
  assert.equal(htmlFragmentToText('&lt;not a tag&gt; &#8212; &#x2014;'), '<not a tag> — —');
  // A '<' that opens no tag is text, wherever it stands (parsed as a stand-in character, turned back).
  assert.equal(htmlFragmentToText('<p>a << b <3 c</p><p>x <</p><!-- < -->'), 'a << b <3 c\n\nx <');
  assert.equal(htmlFragmentToText('<p>kept \ue000 as it is < here</p>'), 'kept \ue000 as it is < here');
  // Deep nesting is walked without recursion.
  assert.equal(htmlFragmentToText('<span>'.repeat(20000) + 'deep' + '</span>'.repeat(20000)), 'deep');
});

test('UTF-8 validation: offset of the first invalid byte', () => {
  assert.equal(invalidUtf8Offset(Buffer.from('héllo')), 6);
  assert.equal(invalidUtf8Offset(Buffer.from([0x61, 0xff])), 1);
  assert.equal(invalidUtf8Offset(Buffer.from([0x61, 0xc0, 0x80])), 1, 'overlong');
  assert.equal(invalidUtf8Offset(Buffer.from([0x61, 0x62, 0xed, 0xa0, 0x80])), 2, 'surrogate');
  assert.equal(invalidUtf8Offset(Buffer.from([0x61, 0xe2, 0x82])), 1, 'truncated');
  assert.equal(invalidUtf8Offset(Buffer.from([0xf0, 0x9f, 0x98, 0x80])), 4, 'emoji is valid');
});

test('formatIngestError: FILE:LINE: message or FILE: message', () => {
  assert.equal(formatIngestError({ error: true, file: 'a.jsonl', line: 3, message: 'bad' }), 'a.jsonl:3: bad');
  assert.equal(formatIngestError({ error: true, file: 'a.txt', message: 'empty file' }), 'a.txt: empty file');
});
