// JSON Lines: one event per line, every field of AcledEvent (claims, tactics, evidence included).
import type { AcledEvent } from '../common/event.js';

/** One event as a JSON line ending in '\n'. JSON.stringify escapes newlines inside strings. */
export function toJsonl(e: AcledEvent): string {
  return JSON.stringify(e) + '\n';
}
