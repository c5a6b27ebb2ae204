// One colour per ACLED event type (colour-blind-safe Okabe-Ito palette), used by map, timeline and table.
import { EVENT_TYPES } from './state.js';

const PALETTE: Record<string, string> = {
  Battles: '#D55E00',
  'Violence against civilians': '#CC79A7',
  'Explosions/Remote violence': '#E69F00',
  Riots: '#0072B2',
  Protests: '#56B4E9',
  'Strategic developments': '#009E73',
};
const OTHER = '#777777';

export function typeColor(type: string): string {
  return PALETTE[type] ?? OTHER;
}

/** Index of a type in the fixed order (unknown types last), for stacking. */
export function typeIndex(type: string): number {
  const i = (EVENT_TYPES as readonly string[]).indexOf(type);
  return i < 0 ? EVENT_TYPES.length : i;
}

export const TYPE_ORDER: string[] = [...EVENT_TYPES, 'Other'];
