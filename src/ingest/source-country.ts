// The country a collection of documents is about, learnt from the documents themselves: each
// outlet's (source's) country is the one most of its located events are in, else the collection's.
// Headlines and short items name a town with no country ("airstrikes on Palmyra"); read alone, such
// a name goes to its most populous namesake abroad. A second reading with the learnt country as a
// hint (SourceDocument.country) keeps them at home. Order-independent: counts over the whole set.

/** A located document's outlet and the country of its (first) event. */
export interface LocatedSample {
  source?: string;
  country: string;
}

export interface SourceCountries {
  /** The hint for a document of this outlet, or undefined when there is none. */
  countryOf(source: string | undefined): string | undefined;
  /** The collection's own country, when one country holds a clear majority. */
  collection: string | undefined;
}

/** Least share of located documents a country must hold to be an outlet's or the collection's. */
export const MAJORITY = 0.5;
/** Located documents an outlet needs before its own majority counts (fewer: the collection's). */
export const MIN_OUTLET_DOCUMENTS = 5;

function majority(counts: Map<string, number>): string | undefined {
  let total = 0;
  let best: string | undefined;
  let top = 0;
  for (const [c, n] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    total += n;
    if (n > top) [best, top] = [c, n];
  }
  return best !== undefined && top > MAJORITY * total ? best : undefined;
}

export function learnSourceCountries(samples: Iterable<LocatedSample>): SourceCountries {
  const all = new Map<string, number>();
  const bySource = new Map<string, Map<string, number>>();
  for (const s of samples) {
    if (!s.country) continue;
    all.set(s.country, (all.get(s.country) ?? 0) + 1);
    if (!s.source) continue;
    let m = bySource.get(s.source);
    if (!m) bySource.set(s.source, (m = new Map()));
    m.set(s.country, (m.get(s.country) ?? 0) + 1);
  }
  const collection = majority(all);
  const own = new Map<string, string | undefined>();
  for (const [source, m] of bySource) {
    let n = 0;
    for (const v of m.values()) n += v;
    if (n >= MIN_OUTLET_DOCUMENTS) own.set(source, majority(m));
  }
  return {
    collection,
    countryOf: (source) => (source !== undefined && own.has(source) ? own.get(source) : collection),
  };
}
