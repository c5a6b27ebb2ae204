// An event in ACLED's schema, with sitrep's additions (ids, confidence, claims, tactics, evidence).

export interface EvidenceSpan {
  start: number;
  end: number;
  text: string;
}

/** A reported figure (or a reported tactic) and who reported it. */
export interface Claim {
  /** What the figure counts: "killed" (deaths), "injured", "arrested", "escaped", ...; or "tactic". */
  kind: string;
  /** The figure; null for a tactic claim ("the Pentagon confirmed the airstrikes"). */
  value: number | null;
  /** For kind "tactic": the tactic confirmed ("air strikes"). */
  tactic?: string;
  /** Who the deaths were ("SDF fighters", "ISIS militants"), when said. */
  subject?: string;
  /** Who reported it ("the SDF", "CNN"); absent when the article states it in its own voice. */
  reporter?: string;
  /** Text of the figure's phrase. */
  evidence: EvidenceSpan;
  reporterEvidence?: EvidenceSpan;
}

export interface AcledEvent {
  event_id: string;
  doc_id: string;
  event_date: string;
  time_precision: 1 | 2 | 3;
  event_type: string;
  sub_event_type: string;
  actor1: string;
  assoc_actor_1: string;
  inter1: number;
  actor2: string;
  assoc_actor_2: string;
  inter2: number;
  interaction: number;
  country: string;
  iso3: string;
  admin1: string;
  admin2: string;
  location: string;
  latitude: number | null;
  longitude: number | null;
  geo_precision: 1 | 2 | 3;
  fatalities: number;
  notes: string;
  source: string;
  confidence: number;
  claims: Claim[];
  tactics: string[];
  evidence: Record<string, EvidenceSpan[]>;
}

/** ACLED's export column order (2020-era layout), used by acled-csv. */
export const ACLED_COLUMNS = [
  'event_id_cnty',
  'event_date',
  'year',
  'time_precision',
  'event_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'inter1',
  'actor2',
  'assoc_actor_2',
  'inter2',
  'interaction',
  'region',
  'country',
  'admin1',
  'admin2',
  'admin3',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'source_scale',
  'notes',
  'fatalities',
  'timestamp',
  'iso3',
] as const;
