// Words of a language belong in its locale's data (src/locales/<lang>/data), never in the machinery:
// this test reads the machinery's sources (src/extraction, src/geography, src/merge, src/pipeline)
// with the TypeScript parser and lists every regular expression literal with letters in it ("/^(?:and|or)$/")
// and every array of three or more lower-case word strings. Each must be one of KNOWN: either no
// language at all (field names, markup), or an English list not yet moved, to be moved and struck out.
// A new word list written in the machinery fails here: put it in src/locales/en/data with a source note.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sources } from './sources.js';
import ts from 'typescript';

const src = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src');
const MACHINERY = ['extraction', 'geography', 'merge', 'pipeline'];

/** Whether a regular expression's body spells letters: escapes (\b, \s, \p{L}), classes and counts taken out, two letters in a row remain. */
export function spellsWords(regex: string): boolean {
  const body = regex.slice(1, regex.lastIndexOf('/'));
  return /[a-zA-Z]{2,}/.test(body.replace(/\\p\{[^}]*\}/g, '').replace(/\\[a-zA-Z]/g, '').replace(/\[[^\]]*\]/g, '').replace(/\{[^}]*\}/g, ''));
}

/** The word-list literals of one source text: `line: text` (the text cut at 100 characters). */
export function wordLists(file: string, code: string): string[] {
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (n: ts.Node): void => {
    let found: string | undefined;
    if (n.kind === ts.SyntaxKind.RegularExpressionLiteral && spellsWords(n.getText())) found = n.getText();
    else if (ts.isArrayLiteralExpression(n) && n.elements.filter((e) => ts.isStringLiteral(e) && /^[a-z][a-z '-]*$/.test(e.text)).length >= 3) found = n.getText();
    if (found !== undefined) out.push(found.replace(/\s+/g, ' ').slice(0, 100));
    ts.forEachChild(n, visit);
  };
  visit(source);
  return out;
}

/** Literals with letters that are no words of a language: field names, class and kind codes, language codes, XML markup. */
const NOT_WORDS: Record<string, string[]> = {
  'extraction/actor-roles.ts': [
    "['military', 'police', 'government']",
    "['population', 'protesters', 'rioters']",
    "['protest-intervention', 'protest-excessive', 'clash', 'Arrests', 'riot', 'riot-conduct', 'violence'",
    "['protest-intervention', 'protest-excessive', 'clash', 'Arrests']",
  ],
  'extraction/assemble.ts': [
    "['location', 'latitude', 'longitude', 'admin1']",
    "['location', 'latitude', 'longitude', 'admin1', 'country']",
  ],
  'extraction/classify.ts': [
    "['violence', 'clash', 'riot-conduct', 'Looting/property destruction']",
  ],
  'geography/build-gazetteer.ts': [
    "['en', 'es', 'fr', 'de', 'it', 'nl']",
  ],
  'geography/eval.ts': [
    "/&(#x[0-9a-f]+|#\\d+|amp|lt|gt|quot|apos);/gi",
    "/<article\\b([^>]*)>([\\s\\S]*?)<\\/article>/g",
    "/docid=\"([^\"]*)\"/",
    "/<(toponym|location)>([\\s\\S]*?)<\\/\\1>/g",
  ],
  'geography/gazetteer-format.ts': [
    "['city', 'admin1', 'admin2', 'country', 'region']",
    "['la', 'lo', 'cc', 'a1', 'a2', 'f', 'p', 'g', 'r']",
  ],
  'merge/fuse.ts': [
    "['country', 'iso3', 'admin1', 'admin2', 'location', 'latitude', 'longitude', 'geo_precision']",
  ],
  'merge/records.ts': [
    "['time_precision', 'inter1', 'inter2', 'interaction', 'latitude', 'longitude', 'geo_precision', 'fat",
  ],
};

/** English written in the machinery before this test: to be moved to src/locales/en/data and struck out here. */
const NOT_YET_MOVED: Record<string, string[]> = {
  'geography/build-gazetteer.ts': [
    "/\\s+(zone|woreda|wereda|special woreda|county|region|sub city)$/",
    "/(an|i|ite)$/",
  ],
  'geography/fold.ts': [
    "['tal ', 'tell ', 'tel ']",
    "['deir ', 'deir el ', 'deir al ']",
    "['district', 'region', 'province', 'state', 'governorate', 'county', 'department', 'division', 'pref",
    "/^(northern|southern|eastern|western|north|south|east|west)(?= [a-z]{3})/",
    "/[a-z]{3}abad$/",
    "/ow/g",
    "/^st /",
    "/^saint /",
    "/^mount /",
    "/^fort /",
  ],
};

test('spellsWords sees words, not escapes or classes', () => {
  assert.equal(spellsWords('/^(?:and|or)\\s$/'), true);
  assert.equal(spellsWords('/^\\s*\\p{Lu}[a-z]{3}\\b/u'), false);
});

test('the machinery writes no word lists of a language (they are locale data)', () => {
  const found: Record<string, string[]> = {};
  for (const dir of MACHINERY) {
    for (const file of sources(join(src, dir))) {
      const lists = wordLists(file, readFileSync(file, 'utf8'));
      if (lists.length > 0) found[relative(src, file)] = lists;
    }
  }
  // (A literal listed but gone fails too: strike it out of the list.)
  const listed = [...Object.entries(NOT_WORDS), ...Object.entries(NOT_YET_MOVED)].flatMap(([f, xs]) => xs.map((x) => `${f}: ${x}`));
  const seen = Object.entries(found).flatMap(([f, xs]) => xs.map((x) => `${f}: ${x}`));
  assert.deepEqual(seen.filter((x) => !listed.includes(x)), [], 'word lists in the machinery: move them to src/locales/en/data');
  assert.deepEqual(listed.filter((x) => !seen.includes(x)), [], 'listed but no longer in the source: strike them out');
});
