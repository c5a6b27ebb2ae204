// JSON bodies of shared, frozen answers (the store's cached stats) serialised once: at a million
// events /api/stats is a few hundred KB, and writing it again for every request would cost more
// than finding it.
import type { Context } from 'hono';

const bodies = new WeakMap<object, string>();

/** A JSON response with the body `value` had the last time, when `value` is frozen (never changes). */
export function sharedJson(c: Context, value: object): Response {
  if (!Object.isFrozen(value)) return c.json(value);
  let body = bodies.get(value);
  if (body === undefined) {
    body = JSON.stringify(value);
    bodies.set(value, body);
  }
  return c.body(body, 200, { 'content-type': 'application/json' });
}
