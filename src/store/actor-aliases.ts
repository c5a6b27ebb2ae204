// Actor search by alias: "SDF", "ISIS" or "Daesh" find the events of "QSD: Syrian Democratic Forces"
// and "Islamic State (Syria)". The names and aliases are the extractor's own actor dictionary
// (src/locales/en/data/actors.json), so the filter finds what extraction names. Used by the event
// filters (src/store/filters.ts) that `sitrep export --actor`, the API's `actor` and the dashboard share.
import actorDictionary from '../locales/en/data/actors.json' with { type: 'json' };

interface DictionaryActor { name: string; aliases?: string[]; exact?: string[] }

let index: Map<string, string[]> | undefined;

/** The stored-name stem of a dictionary name: "Islamic State ({country})" -> "Islamic State". */
function stem(name: string): string {
  return name.replace(/\s*\(\{country\}\)/g, '').replace(/\{country\}/g, '').trim();
}

function build(): Map<string, string[]> {
  const m = new Map<string, string[]>();
  const add = (key: string, name: string) => {
    const k = key.toLowerCase();
    const list = m.get(k) ?? [];
    if (!list.includes(name)) list.push(name);
    m.set(k, list);
  };
  for (const a of (actorDictionary as { actors: DictionaryActor[] }).actors) {
    const name = stem(a.name);
    if (!name) continue;
    for (const alias of [...(a.aliases ?? []), ...(a.exact ?? [])]) add(alias, name);
    add(name, name);
  }
  return m;
}

/**
 * The dictionary names an actor query also stands for (case-insensitive alias match), besides the
 * query itself; [] when it is no known alias.
 */
export function actorNamesFor(query: string): string[] {
  index ??= build();
  const names = index.get(query.trim().toLowerCase()) ?? [];
  return names.filter((n) => n.toLowerCase() !== query.trim().toLowerCase());
}
