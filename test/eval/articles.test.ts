// `sitrep eval articles`: matching predictions to gold events of whole articles (dates by precision,
// places by distance or admin1), greedy pairing by field agreement, the background exemption, scores.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AcledEvent } from '../../src/common/event.js';
import { Doc } from '../../src/common/doc.js';
import type { Extractor } from '../../src/pipeline/index.js';
import {
  ArticleScorer,
  datesAgree,
  fitsBackground,
  placesAgree,
  readArticleGold,
  scoreArticle,
  type GoldArticle,
  type GoldArticleEvent,
} from '../../src/eval/articles.js';
import { evaluateArticlesFile, formatArticlesReport, articlesReportJson } from '../../src/eval/documents.js';
import { defaultDataDir } from '../../src/eval/all.js';

function event(fields: Partial<AcledEvent>): AcledEvent {
  return {
    event_id: 'e', doc_id: 'd', event_date: '2020-05-10', time_precision: 1, event_type: 'Battles', sub_event_type: 'Armed clash',
    actor1: 'Rebels', assoc_actor_1: '', inter1: 2, actor2: 'Military Forces of Testland', assoc_actor_2: '', inter2: 1, interaction: 12,
    country: 'Testland', iso3: 'TST', admin1: 'North', admin2: '', location: 'Alpha', latitude: 10, longitude: 20,
    geo_precision: 1, fatalities: 3, notes: '', source: '', confidence: 0.5, claims: [], tactics: [], evidence: {},
    ...fields,
  };
}

function gold(fields: Partial<GoldArticleEvent>): GoldArticleEvent {
  return {
    event_date: '2020-05-10', time_precision: 1, event_type: 'Battles', sub_event_type: 'Armed clash',
    actor1: 'Rebels', actor2: 'Military Forces of Testland', country: 'Testland', admin1: 'North', location: 'Alpha',
    latitude: 10, longitude: 20, fatalities: 3, main: false,
    ...fields,
  };
}

function article(events: GoldArticleEvent[], background: GoldArticle['background'] = []): GoldArticle {
  return { line: 1, id: 'a', date: '2020-05-11', text: 'x', events, background };
}

test('dates agree within 1 day, 4 days at time_precision 2, 16 days or the same month at 3', () => {
  assert.ok(datesAgree('2020-05-11', '2020-05-10', 1));
  assert.ok(!datesAgree('2020-05-12', '2020-05-10', 1));
  assert.ok(datesAgree('2020-05-14', '2020-05-10', 2));
  assert.ok(!datesAgree('2020-05-15', '2020-05-10', 2));
  assert.ok(datesAgree('2020-05-26', '2020-05-10', 3));
  assert.ok(datesAgree('2020-05-31', '2020-05-01', 3), 'same month');
  assert.ok(!datesAgree('2020-06-20', '2020-05-31', 3));
  assert.ok(!datesAgree('', '2020-05-10', 3));
});

test('places agree within 50 km, or by admin1 (and country) when either lacks coordinates', () => {
  assert.ok(placesAgree(event({ latitude: 10.3, longitude: 20 }), gold({})), '33 km');
  assert.ok(!placesAgree(event({ latitude: 10.5, longitude: 20 }), gold({})), '56 km');
  assert.ok(placesAgree(event({ latitude: null, longitude: null }), gold({})));
  assert.ok(placesAgree(event({}), gold({ latitude: null, longitude: null })));
  assert.ok(!placesAgree(event({ latitude: null, longitude: null, admin1: 'South' }), gold({})));
  assert.ok(!placesAgree(event({ latitude: null, longitude: null, country: 'Elsewhere' }), gold({})));
});

test('pairs are chosen greedily by field agreement, one to one', () => {
  // Two gold events on the same day and place: the battle and the protest. Predicted in the other order.
  const a = article([gold({ main: true }), gold({ event_type: 'Protests', sub_event_type: 'Peaceful protest', actor1: 'Protesters (Testland)', actor2: '', fatalities: 0 })]);
  const protest = event({ event_type: 'Protests', sub_event_type: 'Peaceful protest', actor1: 'Protesters (Testland)', actor2: '', fatalities: 0 });
  const s = scoreArticle(a, [protest, event({})]);
  assert.deepEqual(s.matches.map((m) => [m.predicted, m.gold]), [[1, 0], [0, 1]]);
  assert.equal(s.mainFound, true);
  assert.ok(s.matches.every((m) => m.fields.event_type.hits === 1));
  // The same prediction twice: only one matches, the other is spurious.
  const t = scoreArticle(article([gold({})]), [event({}), event({})]);
  assert.equal(t.matches.length, 1);
  assert.deepEqual(t.spurious, [1]);
});

test('an unmatched prediction dated like a background item is left out of precision', () => {
  const background = [
    { event_date: '2020-04-02', time_precision: 1, what: 'an earlier attack' },
    { event_date: '2019-03', time_precision: 3, what: 'a month' },
    { event_date: null, time_precision: null, what: 'undated' },
  ];
  const a = article([gold({ main: true })], background);
  const s = scoreArticle(a, [event({}), event({ event_date: '2020-04-03' }), event({ event_date: '2019-03-30' }), event({ event_date: '2020-05-01' })]);
  assert.equal(s.matches.length, 1);
  assert.deepEqual(s.exempt, [1, 2]);
  assert.deepEqual(s.spurious, [3]);
  assert.ok(fitsBackground('2017-08-01', { event_date: '2017', time_precision: null, what: '' }));
  assert.ok(!fitsBackground('2018-01-01', { event_date: '2017', time_precision: null, what: '' }));
  // Exemption only for unmatched predictions: a match still counts.
  const scorer = new ArticleScorer();
  scorer.add(a, [event({}), event({ event_date: '2020-04-02' }), event({ event_date: '2020-05-01' })]);
  scorer.add(article([]), []);
  scorer.add(article([]), [event({})]);
  const m = scorer.metrics();
  assert.deepEqual(m.scores.event_precision, { hits: 1, total: 3 }, 'the match, the spurious one here, one in the no-event article');
  assert.deepEqual(m.scores.event_recall, { hits: 1, total: 1 });
  assert.deepEqual(m.scores.docs_no_event_correct, { hits: 1, total: 2 });
  assert.deepEqual(m.scores.main_event_found, { hits: 1, total: 1 });
  assert.equal(m.spurious_per_doc, 2 / 3);
  assert.equal(m.exempt_predictions, 1);
});

test('matched-pair fields: type, sub-type, fatalities equal, actors, date equal, loc25', () => {
  const s = scoreArticle(article([gold({ time_precision: 2 })]), [
    event({ event_date: '2020-05-12', sub_event_type: 'Attack', fatalities: 4, actor2: 'Civilians', latitude: 10.3 }),
  ]);
  const f = s.matches[0]!.fields;
  assert.equal(f.event_type.hits, 1);
  assert.equal(f.sub_event_type.hits, 0);
  assert.equal(f.fatalities.hits, 0);
  assert.deepEqual(f.actors, { hits: 1, total: 2 });
  assert.equal(f.date.hits, 0);
  assert.equal(f.loc25.hits, 0, '33 km');
});

test('a gold file: bad lines are errors naming file and line; the run scores and writes misses', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-eval-articles-'));
  const bad = join(dir, 'bad.jsonl');
  writeFileSync(bad, '{"id":"a","text":"x","events":[]}\n{oops\n');
  assert.throws(() => readArticleGold(bad), /bad\.jsonl:2: not valid JSON/);
  writeFileSync(bad, '{"id":"a","text":"x"}\n');
  assert.throws(() => readArticleGold(bad), /bad\.jsonl:1: missing "events"/);
  writeFileSync(bad, '{"id":"a","text":"x","events":[{"event_date":"soon"}]}\n');
  assert.throws(() => readArticleGold(bad), /bad\.jsonl:1: events\[0\]: event_date "soon" is not a date/);

  const file = join(dir, 'gold.jsonl');
  const g = { ...gold({ main: true }) } as Record<string, unknown>;
  writeFileSync(file, [
    JSON.stringify({ id: 'war', date: '2020-05-11', text: 'Rebels fought the army in Alpha.', events: [g], background: [] }),
    JSON.stringify({ id: 'sport', date: '2020-05-11', text: 'A bruising derby.', events: [], background: [] }),
  ].join('\n') + '\n');
  const fake: Extractor = {
    components: [],
    extract: (source) => ({ doc: new Doc('d', source.text, {}, 0), events: source.text.includes('derby') ? [event({})] : [event({})] }),
  };
  const lines: string[] = [];
  const report = evaluateArticlesFile(file, { extractor: fake, errors: { write: (l) => lines.push(l) }, progress: false });
  assert.equal(report.metrics.scores.event_recall.hits, 1);
  assert.deepEqual(report.metrics.scores.docs_no_event_correct, { hits: 0, total: 1 });
  assert.equal(lines.length, 1);
  assert.equal(JSON.parse(lines[0]!).id, 'sport');
  assert.match(formatArticlesReport(report), /event_precision\s+50\.0%\s+1\/2/);
  assert.equal((articlesReportJson(report).metrics as Record<string, { rate: number }>).event_recall!.rate, 1);
});

const GUARDIAN = join(defaultDataDir(), 'guardian-sdf', 'gold.jsonl');

test('the guardian gold fed back as predictions scores 1.0', { skip: existsSync(GUARDIAN) ? false : `no ${GUARDIAN}` }, () => {
  const scorer = new ArticleScorer();
  for (const a of readArticleGold(GUARDIAN)) scorer.add(a, a.events.map((g) => event({ ...g, fatalities: g.fatalities ?? 0 })));
  const m = scorer.metrics();
  for (const [name, r] of Object.entries(m.scores)) assert.equal(r.hits, r.total, name);
  assert.equal(m.articles, 60);
});
