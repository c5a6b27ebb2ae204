// Text written in capitals read in ordinary case (wire copy, radio transcripts): invented sentences.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readingCase, writtenInCapitals, type CaseLexicon } from '../../src/common/reading-case.js';
import { englishCaseLexicon } from '../../src/locales/en/letter-case.js';
import { createExtractor } from '../../src/pipeline/index.js';

const COMMON = new Set(['the', 'a', 'in', 'of', 'on', 'were', 'was', 'by', 'two', 'men', 'bomb', 'exploded', 'near', 'new', 'police', 'said', 'clash', 'wound', 'morale', 'la', 'yesterday', 'and']);
const NAMES = new Set(['la paz', 'new york', 'morales', 'guatemala city']);
const lexicon: CaseLexicon = englishCaseLexicon(COMMON, (k) => NAMES.has(k));

test('text is read in ordinary case only when it is written in capitals', () => {
  assert.equal(writtenInCapitals('TWO MEN WERE KIDNAPPED IN MEDELLIN.'), true);
  assert.equal(writtenInCapitals('Two men were kidnapped by the FMLN in Medellin.'), false);
  const mixed = 'Two men were kidnapped by the FMLN in Medellin.';
  assert.equal(readingCase(mixed, lexicon), mixed);
});

test('common words are lower-cased, names and sentence starts capitalised, acronyms kept', () => {
  const text = 'TWO MEN WERE KIDNAPPED BY THE FMLN IN MEDELLIN. A BOMB EXPLODED NEAR THE U.S. EMBASSY IN LA PAZ.';
  const read = readingCase(text, lexicon);
  assert.equal(read.length, text.length);
  assert.equal(read, 'Two men were Kidnapped by the FMLN in Medellin. A bomb exploded near the U.S. Embassy in La Paz.');
});

test('inflections of common words are words, unless the inflected form is a name', () => {
  const read = readingCase('THE CLASHES WOUNDED TWO MEN, POLICE SAID. MORALES WAS WOUNDING NONE.', lexicon);
  assert.equal(read, 'The clashes wounded two men, police said. Morales was wounding None.');
});

test('a dateline and a month beside a number', () => {
  const read = readingCase('GUATEMALA CITY, 7 FEB 89 -- A BOMB EXPLODED ON 5 FEBRUARY IN NEW YORK.', lexicon);
  assert.equal(read, 'Guatemala City, 7 Feb 89 -- A bomb exploded on 5 February in New York.');
});

test('a letter whose lower case is longer keeps its offsets', () => {
  const text = 'İSTANBUL POLICE SAID THE BOMB EXPLODED.';
  assert.equal(readingCase(text, lexicon).length, text.length);
});

const extractor = createExtractor();

test('a report in capitals: the town after "in" is the event place, evidence quotes the original text', () => {
  const text = 'BOGOTA, 7 FEB 89 -- [TEXT] TWO BUSINESSMEN WERE KIDNAPPED YESTERDAY IN MEDELLIN BY UNIDENTIFIED GUNMEN, THE POLICE REPORTED.';
  const { events } = extractor.extract({ text, date: '1989-02-07', origin: { file: 'inline' } });
  assert.equal(events.length, 1);
  assert.equal(events[0]!.location, 'Medellin');
  assert.equal(events[0]!.sub_event_type, 'Abduction/forced disappearance');
  const quoted = Object.values(events[0]!.evidence).flat().map((e) => e.text);
  assert.ok(quoted.includes('KIDNAPPED'), quoted.join('|'));
});

test('a bracketed tag starts a sentence only where the tag does; country names of common words', () => {
  const lex = englishCaseLexicon(new Set([...COMMON, 'united', 'states', 'have', 'been', 'kidnapped']), (k) => NAMES.has(k), undefined, (k) => k === 'united states');
  const read = readingCase('LIMA, 7 MAY 89 -- [TEXT] TWO MEN OF THE FMLN [FARABUNDO] HAVE BEEN KIDNAPPED IN THE UNITED STATES.', lex);
  assert.equal(read, 'Lima, 7 May 89 -- [Text] Two men of the FMLN [Farabundo] have been kidnapped in the United States.');
});

test('wire wording of attacks: dynamite charges and machine-gunning', () => {
  const dyn = extractor.extract({ text: 'LIMA, 14 JUL 89 -- [TEXT] TERRORISTS PLACED A CHARGE OF DYNAMITE UNDER A BUS IN HUANCAYO TODAY, THE POLICE REPORTED.', date: '1989-07-14', origin: { file: 'inline' } }).events;
  assert.equal(dyn[0]?.sub_event_type, 'Remote explosive/landmine/IED');
  const mg = extractor.extract({ text: 'Gunmen machinegunned a bus carrying farm workers near Medellin on Monday, police said.', date: '1989-07-14', origin: { file: 'inline' } }).events;
  assert.equal(mg[0]?.event_type, 'Violence against civilians');
});

test('a wire report: a device that went off is an event though no one is named', () => {
  const text = 'OSORNO, 18 JAN 89 -- [TEXT] A DYNAMITE CHARGE EXPLODED IN AN ALLEY OF OSORNO, DESTROYING WINDOWS AND WATER PIPES.\n\nTHE EXPLOSION OCCURRED AT 2350 ON 16 JANUARY, CAUSING PANIC BUT NO CASUALTIES.\n\nSECURITY PERSONNEL ARE PREPARING SKETCHES OF THE SUSPECTS.\n\nTHE INVESTIGATION CONTINUES.\n\nNO GROUP HAS CLAIMED RESPONSIBILITY SO FAR.\n\nTHE AUTHORITIES HAVE ASKED FOR CALM.\n\nTHE TOWN COUNCIL WILL MEET ON FRIDAY.\n\nSHOPS REOPENED IN THE AFTERNOON.';
  const events = extractor.extract({ text, date: '1989-01-18', origin: { file: 'inline' } }).events;
  assert.ok(events.some((e) => e.sub_event_type === 'Remote explosive/landmine/IED' && e.location === 'Osorno'), JSON.stringify(events.map((e) => [e.sub_event_type, e.location])));
});

test('compass words are read in lower case before a place, and open a name the gazetteer knows', () => {
  const names = new Set([...NAMES, 'north kivu', 'west bank']);
  const lex = englishCaseLexicon(COMMON, (k) => names.has(k));
  const read = readingCase('A BOMB EXPLODED IN NORTHERN MORAZAN AND NEAR THE WEST BANK, 65 KM WEST OF LA PAZ IN NORTH KIVU.', lex);
  assert.equal(read, 'A bomb exploded in northern Morazan and near the West Bank, 65 KM west of La Paz in North Kivu.');
});
