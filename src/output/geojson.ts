// GeoJSON (RFC 7946): each event a Point feature at [longitude, latitude]; events without
// coordinates keep a null geometry (an "unlocated feature") so that no event is silently dropped.
import type { AcledEvent } from '../common/event.js';

export interface GeoJsonFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] } | null;
  properties: Record<string, unknown>;
}

export interface GeoJsonOptions {
  /** Include the evidence spans in the properties (large); default false. */
  evidence?: boolean;
}

export function toGeoJsonFeature(e: AcledEvent, options: GeoJsonOptions = {}): GeoJsonFeature {
  const { latitude, longitude, evidence, ...rest } = e;
  const properties: Record<string, unknown> = { ...rest, latitude, longitude };
  if (options.evidence) properties.evidence = evidence;
  const located = typeof latitude === 'number' && typeof longitude === 'number' &&
    Number.isFinite(latitude) && Number.isFinite(longitude);
  return {
    type: 'Feature',
    id: e.event_id,
    geometry: located ? { type: 'Point', coordinates: [longitude, latitude] } : null,
    properties,
  };
}

/**
 * Writes a FeatureCollection piece by piece, so that any number of events streams in constant
 * memory: the opening is written on the first feature (or on close), features are separated by
 * commas, and close() ends the collection.
 */
export class GeoJsonWriter {
  private opened = false;
  private count = 0;

  constructor(
    private readonly write: (chunk: string) => void,
    private readonly options: GeoJsonOptions = {},
  ) {}

  private open(): void {
    if (this.opened) return;
    this.opened = true;
    this.write('{"type":"FeatureCollection","features":[\n');
  }

  add(e: AcledEvent): void {
    this.open();
    this.write((this.count++ > 0 ? ',\n' : '') + JSON.stringify(toGeoJsonFeature(e, this.options)));
  }

  close(): void {
    this.open();
    this.write('\n]}\n');
  }
}

/** The same FeatureCollection as a sequence of text chunks, for streaming responses. */
export async function* geoJsonChunks(
  events: AsyncIterable<AcledEvent> | Iterable<AcledEvent>,
  options: GeoJsonOptions = {},
): AsyncGenerator<string> {
  yield '{"type":"FeatureCollection","features":[\n';
  let first = true;
  for await (const e of events) {
    yield (first ? '' : ',\n') + JSON.stringify(toGeoJsonFeature(e, options));
    first = false;
  }
  yield '\n]}\n';
}
