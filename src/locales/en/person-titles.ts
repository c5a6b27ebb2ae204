// Titles of a person before a name ("Dr Guerrero", "Msgr Romero", "Governor Cuomo"): one list,
// data/person-titles.json, for every reader (the place recogniser and the casualty reader).
import titles from './data/person-titles.json' with { type: 'json' };

/** Every word that titles a person before a name (lower case). */
export const PERSON_TITLES: ReadonlySet<string> = new Set([...titles.ranks, ...titles.otherTitles]);

/** Titles of rank or calling that never name an office of a place and are no adjective: read in any case. */
export const RANK_TITLES: ReadonlySet<string> = new Set(titles.ranks);
