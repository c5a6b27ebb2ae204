// Genre: comment (an opinion column, an editorial, a letter) tells no events of its own; a news
// report attributes what it tells (issue 13). Invented texts of both kinds.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createExtractor } from '../../src/pipeline/index.js';

const extractor = createExtractor();
const run = (text: string) => extractor.extract({ text, date: '2024-03-08', origin: { file: 'inline' } });

// Twelve sentences of argument, none attributed: the events named are background to the view.
const COLUMN = [
  'The war in the north has entered its tenth year, and the world has looked away for most of it.',
  'On Tuesday, militants killed nine villagers in Bauchi, the latest horror in a long list.',
  'Nobody in the capital seems to know what the government intends to do about it.',
  'The army has been promising victory for a decade.',
  'Each promise has been followed by another massacre.',
  'Western governments prefer to sell arms rather than ask hard questions.',
  'That is a shameful failure of policy.',
  'A serious strategy would start with the people of the region.',
  'It would fund schools, clinics and roads before it funds another offensive.',
  'It would hold commanders to account for the abuses of their troops.',
  'None of this is easy, and none of it is new.',
  'But the alternative is another decade of funerals.',
].join(' ');

test('an opinion column that attributes nothing gives no events', () => {
  const r = run(COLUMN);
  assert.equal(r.doc.commentary, true);
  assert.deepEqual(r.events, []);
});

/** A report: twelve sentences, attributed, with its event in Bauchi. */
const REPORT = [
  'Militants killed nine villagers in Bauchi on Tuesday, police said.',
  'The gunmen arrived on motorcycles before dawn, according to residents.',
  'A police spokesman said the attackers set fire to houses.',
  'Residents said the village had been attacked twice before.',
  'The governor condemned the killings.',
  'He told reporters that more troops would be sent to the area.',
  'The army has been fighting insurgents in the region for a decade.',
  'Thousands of people have fled their homes.',
  'Aid groups said food was running short.',
  'The state has been under a curfew since January.',
  'No group has claimed responsibility.',
  'Schools in the area were closed on Wednesday.',
].join(' ');

test('a report of the same length that names its sources keeps its event', () => {
  const r = run(REPORT);
  assert.equal(r.doc.commentary, false);
  assert.deepEqual(r.events.map((e) => [e.event_date, e.location, e.fatalities]), [['2024-03-05', 'Bauchi', 9]]);
});

test('quoted speech is not the article\'s attribution: a column quoting people is still comment', () => {
  const quoting = COLUMN.replace('That is a shameful failure of policy.', '“They said it would be over by Christmas,” a friend told me years ago, and “we said so too”.');
  assert.equal(run(quoting).doc.commentary, true);
});

test('a short text and a wire report are read as news whatever they attribute', () => {
  assert.equal(run('Militants killed nine villagers in Bauchi on Tuesday. The army has been fighting insurgents in the region for a decade.').doc.commentary, false);
  const wire = `MAIDUGURI (NIGERIA), 7 MAR 24 (RADIO) -- [COMMENTARY] [TEXT] ${COLUMN}`;
  assert.equal(run(wire).doc.commentary, false);
  assert.ok(run(wire).events.some((e) => e.location === 'Bauchi'));
});


test('a signed piece whose last lines note its author is comment, however much it attributes', () => {
  for (const note of [
    ' • Jane Roe is a foreign affairs commentator',
    ' Jane Roe is the author of The Long War and a senior fellow at the Lagos Institute.',
    ' • John Smith studied law at the University of Leeds.',
    ' • Jane Roe is a senior reporter on the Daily Planet’s world desk. She has reported from Nigeria and Niger.',
  ]) {
    const r = run(REPORT + note);
    assert.equal(r.doc.commentary, true, note);
    assert.deepEqual(r.events, [], note);
  }
});

test('a report\'s closing credit, a name in its body, or a name without an author\'s role is no note on an author', async () => {
  for (const end of [
    ' • Additional reporting: John Smith',
    ' Musa Bello is a farmer from the village.',
    ' Jane Roe, an analyst, is expected to testify on Monday.',
  ]) {
    assert.equal(run(REPORT + end).doc.commentary, false, end);
  }
  // Early in the text, a sentence like a note is the report's own.
  const early = REPORT.replace('The governor condemned the killings.', 'Jane Roe is a senior fellow at the Lagos Institute.');
  assert.equal(run(early).doc.commentary, false);
});
