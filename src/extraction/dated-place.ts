// A record that names a day and a place but no event: "June 8th 2017: (S819) Al Qouriya, Deir Ezzor
// governorate, Syria" (a casualty monitor's entry). It says that something happened there that day,
// not what: a report of unknown type that the merge engine may join to an event of that day and
// place (src/merge/compat.ts), never an event of its own.
import type { Doc } from '../common/doc.js';
import type { MergeInput } from '../merge/types.js';
import { acledAdmin1 } from './assemble.js';
import { documentFocus } from './location.js';

/** The day (time_precision 1) and the most specific place the document names, or undefined. */
export function datedPlaceReport(doc: Doc): MergeInput | undefined {
  const date = doc.dates.find((d) => d.precision === 1 && !d.reporting && !d.vague);
  const place = documentFocus(doc);
  if (!date || !place) return undefined;
  const e = place.entry;
  return {
    event_id: `${doc.id}#place`,
    doc_id: doc.id,
    event_date: date.date,
    time_precision: 1,
    country: e.country,
    admin1: acledAdmin1(place),
    location: e.name,
    latitude: e.latitude,
    longitude: e.longitude,
    geo_precision: e.feature === 'city' ? 1 : e.feature === 'admin2' ? 2 : 3,
    source: doc.meta.source ?? '',
  };
}
