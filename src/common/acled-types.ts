// ACLED's event taxonomy with its precedence (codebook section 2.1): higher rank wins when the
// same actors use several tactics on the same day and place.

/** ACLED's six event types, in the codebook's spelling and order. */
export const ACLED_EVENT_TYPES = [
  'Battles',
  'Violence against civilians',
  'Explosions/Remote violence',
  'Riots',
  'Protests',
  'Strategic developments',
] as const;

export const SUB_EVENT_TYPES: Record<string, { eventType: string; rank: number }> = {
  'Government regains territory': { eventType: 'Battles', rank: 100 },
  'Non-state actor overtakes territory': { eventType: 'Battles', rank: 99 },
  'Armed clash': { eventType: 'Battles', rank: 98 },
  'Chemical weapon': { eventType: 'Explosions/Remote violence', rank: 90 },
  'Air/drone strike': { eventType: 'Explosions/Remote violence', rank: 89 },
  'Suicide bomb': { eventType: 'Explosions/Remote violence', rank: 88 },
  'Shelling/artillery/missile attack': { eventType: 'Explosions/Remote violence', rank: 87 },
  'Remote explosive/landmine/IED': { eventType: 'Explosions/Remote violence', rank: 86 },
  Grenade: { eventType: 'Explosions/Remote violence', rank: 85 },
  'Sexual violence': { eventType: 'Violence against civilians', rank: 80 },
  Attack: { eventType: 'Violence against civilians', rank: 79 },
  'Abduction/forced disappearance': { eventType: 'Violence against civilians', rank: 78 },
  'Violent demonstration': { eventType: 'Riots', rank: 70 },
  'Mob violence': { eventType: 'Riots', rank: 69 },
  'Excessive force against protesters': { eventType: 'Protests', rank: 62 },
  'Protest with intervention': { eventType: 'Protests', rank: 61 },
  'Peaceful protest': { eventType: 'Protests', rank: 60 },
  'Non-violent transfer of territory': { eventType: 'Strategic developments', rank: 17 },
  'Disrupted weapons use': { eventType: 'Strategic developments', rank: 16 },
  Arrests: { eventType: 'Strategic developments', rank: 15 },
  Agreement: { eventType: 'Strategic developments', rank: 14 },
  'Looting/property destruction': { eventType: 'Strategic developments', rank: 13 },
  'Change to group/activity': { eventType: 'Strategic developments', rank: 12 },
  'Headquarters or base established': { eventType: 'Strategic developments', rank: 11 },
  Other: { eventType: 'Strategic developments', rank: 10 },
};

export function rankOf(subEventType: string): number {
  return SUB_EVENT_TYPES[subEventType]?.rank ?? 0;
}

export function eventTypeOf(subEventType: string): string {
  return SUB_EVENT_TYPES[subEventType]?.eventType ?? '';
}
