import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cueTableData, findCountryCues, type CountryCue } from '../../src/geography/cues.js';
import { foldName } from '../../src/geography/fold.js';
import type { TextRange } from '../../src/geography/recognise.js';

// The reference: every cue of country-cues.tsv as one case-insensitive alternation, longest first,
// between word boundaries, run over each range (what findCountryCues must find, by a faster road).
const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}&'’]*[\p{L}\p{N}])?/gu;
const rows = readFileSync(fileURLToPath(new URL('../../src/geography/data/country-cues.tsv', import.meta.url)), 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'))
  .map((l) => l.split('\t').map((s) => s.trim()))
  .filter(([phrase, cc]) => phrase && cc && (phrase.match(WORD) ?? []).length > 0);
const byKey = new Map<string, { caps: boolean; titled: boolean; cased?: string; countryCode: string; countries?: string[]; admin1?: string; group: boolean; person: boolean }>();
const sources: string[] = [];
for (const [phrase, cc, admin1, kind] of rows) {
  const raw = phrase!.match(WORD)!;
  byKey.set(raw.map((w) => foldName(w)).join(' '), {
    caps: phrase === phrase!.toUpperCase() && phrase !== phrase!.toLowerCase(),
    // (An acronym of five letters or more, read as a word: also with one capital, "Minusca".)
    titled: /^[A-Z]{5,}$/.test(phrase!),
    // (A capital inside a word, "NaMA": only as written.)
    cased: raw.some((w) => /\p{Ll}\p{Lu}/u.test(w)) ? raw.join(' ') : undefined,
    countryCode: cc === '-' || cc!.includes('|') ? '' : cc!,
    countries: cc!.includes('|') ? cc!.split('|') : undefined,
    admin1: admin1 || undefined,
    group: kind === 'group',
    person: kind === 'person',
  });
  sources.push(raw.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]")).join('[ \\t\\u00a0-]+'));
}
sources.sort((a, b) => b.length - a.length);
const reference = new RegExp(`\\b(?:${sources.join('|')})(s)?\\b`, 'gi');

function referenceCues(text: string, from = 0, ranges?: readonly TextRange[]): CountryCue[] {
  const out: CountryCue[] = [];
  for (const [rs, re] of ranges ?? [[from, text.length] as const]) {
    const s = Math.max(rs, from);
    if (s >= re) continue;
    const part = text.slice(s, re);
    reference.lastIndex = 0;
    for (let m = reference.exec(part); m !== null; m = reference.exec(part)) {
      // (A trailing lower-case "s", a plural or a possessive without its apostrophe, is read as the cue.)
      if (m[1] === 'S') continue;
      const name = m[1] === undefined ? m[0] : m[0].slice(0, -1);
      const p = byKey.get((name.match(WORD) ?? []).map((w) => foldName(w)).join(' '));
      if (!p || (p.caps && name !== name.toUpperCase() && !(p.titled && name === name[0] + name.slice(1).toLowerCase())) || (p.cased !== undefined && (name.match(WORD) ?? []).join(' ') !== p.cased)) continue;
      out.push({ start: s + m.index, end: s + m.index + m[0].length, countryCode: p.countryCode, admin1: p.admin1, group: p.group, person: p.person, ...(p.countries ? { countries: p.countries } : {}) });
    }
  }
  return out;
}

const found = (text: string) => findCountryCues(text).map((c) => text.slice(c.start, c.end));

test('country cues: whole words in any case, acronyms only in capitals, hyphens and spaces alike', () => {
  assert.deepEqual(found('FACA soldiers and the anti-Balaka clashed'), ['FACA', 'anti-Balaka']);
  assert.deepEqual(found('the Anti Balaka militia'), ['Anti Balaka']);
  assert.deepEqual(found('Ola said the OLA attacked'), ['OLA']);
  // An acronym of five letters or more is read as a word, and news write it so too: "Minusca", not "MinUSCA".
  assert.deepEqual(found('Minusca and Monusco troops, MinUSCA and Fardc'), ['Minusca', 'Monusco', 'Fardc']);
  assert.deepEqual(found('Faca soldiers and the Ola said'), []);
  assert.deepEqual(found('J&K police and the New People’s Army'), ['J&K', 'New People’s Army']);
  assert.deepEqual(found('MINUSCAS, x_MINUSCA, MINUSCA2 and MINUSCA.'), ['MINUSCA']);
  // (Word boundaries are ASCII ones: a letter past ASCII next to a cue is no part of its word.)
  assert.deepEqual(found('éMINUSCA'), ['MINUSCA']);
  // A plural, or a possessive written without its apostrophe, in a lower-case "s".
  assert.deepEqual(found('FACAs and the Guellehs regime'), ['FACAs', 'Guellehs']);
  assert.deepEqual(found(''), []);
});

test('country cues: a person is flagged, and so is an armed group', () => {
  const flags = (text: string) => findCountryCues(text).map((c) => [c.countryCode, c.group, c.person]);
  assert.deepEqual(flags('President Issoufou met the Hezbollah envoy and Koglweogo leaders'), [['NE', false, true], ['LB', true, false], ['BF', false, false]]);
});

test('country cues: a capital inside a word matches only as written; a group of several countries names each', () => {
  assert.deepEqual(found('the NaMA party, the village of Nama and NAMA'), ['NaMA']);
  const jnim = findCountryCues('JNIM militants ambushed a convoy')[0];
  assert.deepEqual([jnim?.countryCode, jnim?.countries, jnim?.group], ['', ['ML', 'BF', 'NE'], true]);
});

test('country cues: the same as one alternation of all cues, over texts and ranges', () => {
  const phrases = rows.map(([p]) => p!);
  const bits = [' ', '-', ' - ', '\u00a0', '\t', '_', 'é', '2', '&', "'", '’', '(', ').', ', ', '\n', 'x', 'the ', 'Ola', 'AL', 'al-', 'j&k', 'J&K&K', 'PEOPLE\'S'];
  let seed = 7;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  let cues = 0;
  for (let n = 0; n < 3000; n++) {
    let text = '';
    for (let k = 1 + Math.floor(rnd() * 8); k > 0; k--) {
      if (rnd() < 0.5) {
        let p = pick(phrases);
        const r = rnd();
        if (r < 0.2) p = p.toUpperCase();
        else if (r < 0.4) p = p.toLowerCase();
        if (rnd() < 0.3) p = p.replace(/ /g, pick(bits.slice(0, 5)));
        if (rnd() < 0.2) p = p.slice(0, Math.floor(rnd() * p.length));
        text += p;
      } else text += pick(bits);
    }
    const ranges: [number, number][] = [];
    for (let at = 0; at < text.length; ) {
      const a = Math.min(text.length, at + Math.floor(rnd() * 10));
      const b = Math.min(text.length, a + Math.floor(rnd() * 40));
      ranges.push([a, b]);
      at = b + 1;
    }
    for (const [from, rs] of [[0, undefined], [3, undefined], [0, ranges], [2, ranges]] as const) {
      const expected = referenceCues(text, from, rs);
      cues += expected.length;
      assert.deepEqual(findCountryCues(text, from, rs), expected, JSON.stringify({ text, from, rs }));
    }
  }
  assert.ok(cues > 1000, `the texts hold cues (${cues})`);
});

test('country cues: the table `npm run build` writes as JSON reads back the same', () => {
  const data = cueTableData();
  assert.deepEqual(JSON.parse(JSON.stringify(data)), data);
  assert.equal(new Set(data.phrases.map((p) => p[0])).size, byKey.size);
  // An invented list: two cues opening with one run ("Foo"), longest first; "-": no country.
  const small = cueTableData('Foo Bar Brigade\tXX\t\tgroup\nFoo\t-\t\t\n# note\n');
  assert.deepEqual(small.phrases.map((p) => [p[0], p[5], p[8]]), [['foo bar brigade', 'XX', true], ['foo', '', false]]);
  assert.equal(small.runs.length, 1);
  assert.ok(small.runs[0]![1].startsWith('(?:Foo[ \\t\\u00a0-]+Bar[ \\t\\u00a0-]+Brigade|Foo)'));
});
