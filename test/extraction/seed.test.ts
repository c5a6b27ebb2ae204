// The seed article (../shared/seed) and what EXPECTED.md says sitrep must make of it.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readInputs } from '../../src/ingest/index.js';
import { isIngestError, type SourceDocument } from '../../src/ingest/types.js';
import { createExtractor } from '../../src/pipeline/index.js';

const seedPath = fileURLToPath(new URL('../../../shared/seed/ghweran-prison-2022-01-24.txt', import.meta.url));
const present = existsSync(seedPath);
const skip = present ? false : `seed article not found at ${seedPath} (../shared is absent)`;

function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = (d: number) => (d * Math.PI) / 180;
  const a = Math.sin(r(lat2 - lat1) / 2) ** 2 + Math.cos(r(lat1)) * Math.cos(r(lat2)) * Math.sin(r(lon2 - lon1) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(a));
}

async function seedEvents() {
  const docs: SourceDocument[] = [];
  for await (const d of readInputs([seedPath], {})) {
    assert.ok(!isIngestError(d), `seed should read cleanly: ${JSON.stringify(d)}`);
    docs.push(d as SourceDocument);
  }
  assert.equal(docs.length, 1);
  assert.equal(docs[0]!.date, '2022-01-24');
  return { source: docs[0]!, ...createExtractor().extract(docs[0]!) };
}

test('seed: main event is the Thursday battle at Al-Hasakah between IS and the SDF', { skip }, async () => {
  const { events } = await seedEvents();
  assert.ok(events.length >= 1, 'at least one event');
  const main = events[0]!;
  assert.equal(main.event_date, '2022-01-20');
  assert.equal(main.time_precision, 1);
  assert.equal(main.event_type, 'Battles');
  assert.equal(main.sub_event_type, 'Armed clash');
  const pair = [main.actor1, main.actor2].sort();
  assert.deepEqual(pair, ['Islamic State (Syria)', 'QSD: Syrian Democratic Forces']);
  assert.equal(main.inter1, 2);
  assert.equal(main.inter2, 2);
  assert.equal(main.interaction, 22);
  const sdfAssoc = main.actor1.startsWith('QSD') ? main.assoc_actor_1 : main.assoc_actor_2;
  assert.match(sdfAssoc, /Global Coalition Against Daesh/);
  assert.equal(main.country, 'Syria');
  assert.equal(main.iso3, 'SYR');
  assert.ok(main.latitude !== null && main.longitude !== null);
  assert.ok(haversineKm(main.latitude!, main.longitude!, 36.5, 40.75) <= 25, `location ${main.latitude},${main.longitude} within 25 km of Hasakah`);
  assert.match(main.admin1, /Hasak/);
  assert.equal(main.geo_precision, 1);
  assert.ok(main.tactics.includes('car bomb'), `tactics ${main.tactics}`);
  assert.ok(main.tactics.includes('air strikes'), `tactics ${main.tactics}`);
});

test('seed: fatalities sum to 35 across events, each figure with its reporter', { skip }, async () => {
  const { events } = await seedEvents();
  assert.equal(events.reduce((s, e) => s + e.fatalities, 0), 35);
  const deaths = events.flatMap((e) => e.claims.filter((c) => c.kind === 'killed'));
  const seven = deaths.find((c) => c.value === 7);
  const twentyEight = deaths.find((c) => c.value === 28);
  assert.ok(seven && twentyEight, 'both figures are claims');
  assert.match(seven.reporter ?? '', /SDF|Syrian Democratic Forces/);
  assert.match(seven.reporter ?? '', /CNN/);
  assert.match(twentyEight.reporter ?? '', /Farhad Shami/);
  const airstrikes = events.flatMap((e) => e.claims).find((c) => c.kind === 'tactic' && c.tactic === 'air strikes' && /Kirby/.test(c.reporter ?? ''));
  assert.ok(airstrikes, 'the air strikes are attributed to John Kirby (Pentagon)');
});

test('seed: no separate explosion or air strike event, no date after publication, no foreign locations', { skip }, async () => {
  const { events } = await seedEvents();
  for (const e of events) {
    assert.ok(e.event_date <= '2022-01-24', `date ${e.event_date}`);
    assert.notEqual(e.event_type, 'Explosions/Remote violence');
    assert.equal(e.country, 'Syria', `event located in ${e.country}`);
    assert.ok(['2022-01-20', '2022-01-21'].includes(e.event_date), `unexpected date ${e.event_date}`);
  }
  const battles = events.filter((e) => e.event_type === 'Battles');
  assert.ok(battles.length >= 1 && battles.length <= 2);
});

test('seed: every evidence span slices the source text exactly', { skip }, async () => {
  const { source, events } = await seedEvents();
  const text = readFileSync(seedPath, 'utf8');
  assert.equal(source.text, text);
  let spans = 0;
  for (const e of events) {
    for (const [field, list] of Object.entries(e.evidence)) {
      for (const s of list) {
        assert.equal(text.slice(s.start, s.end), s.text, `evidence for ${field}`);
        spans++;
      }
    }
    for (const c of e.claims) {
      assert.equal(text.slice(c.evidence.start, c.evidence.end), c.evidence.text);
      if (c.reporterEvidence) assert.equal(text.slice(c.reporterEvidence.start, c.reporterEvidence.end), c.reporterEvidence.text);
    }
  }
  const main = events[0]!;
  for (const field of ['event_date', 'sub_event_type', 'actor1', 'actor2', 'location', 'fatalities', 'tactics']) {
    assert.ok(main.evidence[field]?.length, `evidence for ${field}`);
  }
  assert.ok(spans > 10);
});
