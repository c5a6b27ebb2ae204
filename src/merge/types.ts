// What the merge engine reads and writes: ACLED-schema records in, merged events out.
import type { AcledEvent } from '../common/event.js';

/**
 * A report of an event: an ACLED-schema record (from sitrep or any other dataset). Only `event_id`
 * is required; a missing field is unknown, not wrong.
 */
export type MergeInput = Partial<Omit<AcledEvent, 'event_id'>> & {
  event_id: string;
  /** Publication date of the report's document (YYYY-MM-DD), when known: later totals supersede earlier ones. */
  publication_date?: string;
};

/** One report's value of a field where the reports of an event disagree. */
export interface FieldValue {
  report: string;
  value: unknown;
}

/** An event as the set of its reports, its fields chosen from them. */
export interface MergedEvent {
  event_id: string;
  /** event_ids of the reports merged into it, in canonical (sorted) order. */
  members: string[];
  /** The fields chosen, in ACLED's schema. */
  fields: MergeInput & { event_id: string };
  /** Every outlet (ACLED's `source`), distinct, in sorted order. */
  sources: string[];
  /** Fatalities as UCDP keeps them: the lowest, the chosen (best) and the highest figure reported. */
  fatalities_low: number;
  fatalities_best: number;
  fatalities_high: number;
  /** For each chosen field, the report it came from. */
  provenance: Record<string, string>;
  /** Fields on which the reports disagree, with each report's value. */
  disagreements: Record<string, FieldValue[]>;
}
