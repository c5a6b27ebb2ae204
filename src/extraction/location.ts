// Where the event happened: the most specific place its sentences name; otherwise the place the
// article is about. ACLED codes the named place (geo_precision 1 town, 2 near a town or a district,
// 3 a region, coded at its capital or centroid).
import type { Doc, PlaceMention } from '../common/doc.js';
import { describesActor } from './frames.js';
import { specificity } from './grouping.js';

const NEAR = /\b(near|outside|around|close to|vicinity of|area of|outskirts of|north of|south of|east of|west of|km from|kilometres from|kilometers from|miles from)\s+(the\s+)?$/i;

export function geoPrecisionOf(doc: Doc, place: PlaceMention): 1 | 2 | 3 {
  const f = place.entry.feature;
  if (f === 'country' || f === 'admin1' || f === 'region') return 3;
  if (f === 'admin2') return 2;
  const before = doc.text.slice(Math.max(0, place.start - 30), place.start);
  return NEAR.test(before) ? 2 : 1;
}

/** The place the article is about: the most often named town, else region, else country. */
export function documentFocus(doc: Doc): PlaceMention | undefined {
  const counts = new Map<string, { place: PlaceMention; n: number }>();
  for (const p of doc.places) {
    if (p.demonym || describesActor(doc, p)) continue;
    const key = `${p.entry.name}|${p.entry.countryCode}|${p.entry.feature}`;
    const c = counts.get(key);
    if (c) c.n++;
    else counts.set(key, { place: p, n: 1 });
  }
  let best: { place: PlaceMention; n: number } | undefined;
  for (const c of counts.values()) {
    if (!best || specificity(c.place.entry) * 10 + c.n > specificity(best.place.entry) * 10 + best.n) best = c;
  }
  return best?.place;
}

/**
 * A country named only by a demonym ("a Syrian prison") or as an actor's ("Kenya Police") when the
 * text names no place at all.
 */
export function demonymCountry(doc: Doc): PlaceMention | undefined {
  return doc.places.find((p) => p.demonym) ?? doc.places.find((p) => p.entry.feature === 'country');
}
