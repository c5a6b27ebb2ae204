// Synthetic events and documents for the store and server tests: they test storage whatever the
// extractor finds today.
import type { AcledEvent } from '../../src/common/event.js';

export function syntheticEvent(overrides: Partial<AcledEvent> & { event_id: string; doc_id: string }): AcledEvent {
  return {
    event_date: '2022-01-20',
    time_precision: 1,
    event_type: 'Battles',
    sub_event_type: 'Armed clash',
    actor1: 'Islamic State (Syria)',
    assoc_actor_1: '',
    inter1: 2,
    actor2: 'QSD: Syrian Democratic Forces',
    assoc_actor_2: 'Global Coalition Against Daesh',
    inter2: 2,
    interaction: 22,
    country: 'Syria',
    iso3: 'SYR',
    admin1: 'Al-Hasakeh',
    admin2: 'Al-Hasakeh',
    location: 'Al-Hasakeh',
    latitude: 36.5,
    longitude: 40.75,
    geo_precision: 1,
    fatalities: 35,
    notes: 'On 20 January 2022, IS fighters attacked the Ghweran prison; clashes with the SDF.',
    source: 'Test Wire',
    confidence: 0.9,
    claims: [
      {
        kind: 'killed',
        value: 7,
        subject: 'SDF fighters',
        reporter: 'the SDF',
        evidence: { start: 10, end: 20, text: 'at least 7' },
        reporterEvidence: { start: 30, end: 37, text: 'the SDF' },
      },
      { kind: 'tactic', value: null, tactic: 'air strikes', evidence: { start: 40, end: 51, text: 'air strikes' } },
    ],
    tactics: ['car bomb', 'air strikes'],
    evidence: {
      event_date: [{ start: 0, end: 8, text: 'Thursday' }],
      actor1: [{ start: 12, end: 16, text: 'ISIS' }, { start: 50, end: 58, text: 'militants' }],
    },
    ...overrides,
  };
}
