// Event assembly: frames → groups (one day × place × actor pair) → ACLED events with evidence.
import { parseIsoDay } from '../common/calendar.js';
import { CROWD_VIOLENCE, firstStartingAfter, spansStartingIn, type DateMention, type Doc, type PlaceMention, type Span, type TriggerMention } from '../common/doc.js';
import type { AcledEvent, Claim, EvidenceSpan } from '../common/event.js';
import { stableHash } from '../common/hash.js';
import { capitalOfSameName, lookupCountry, regionSeat } from '../geography/index.js';
import { loadGazetteer } from '../geography/gazetteer.js';
import { capitalEntry } from './capital-reference.js';
import { compassPartBefore } from '../locales/en/compass-part.js';
import { actorEntry, communityOfMilitia } from '../locales/en/actors.js';
import { isDatelinePlace, opensWithDateline } from '../locales/en/dateline.js';
import { codedPlace } from '../locales/en/coded-place.js';
import { CAUSE_KILLED, TOLD_KILLED } from '../locales/en/casualties.js';
import { anchoredToStory, toldAsNoNews } from '../locales/en/time-reference.js';
import { SCENE_SENTENCES } from '../locales/en/scope.js';
import { actorName, isArmed, isCommunalPeople, resolveCoreference, resolveActors, type EventActors, type ResolvedActor } from './actor-roles.js';
import { casualtyOnly, classify, COMMUNAL_CLASH, communalFightTold, forcesTargeted, inFight, type Classification } from './classify.js';
import { deathFigures, evidence, figureClaim, reporterAt, sumFatalities } from './fatalities.js';
import { buildFrames, describesActor, farReference, namesRoad, OPENING_SENTENCES, type Frame } from './frames.js';
import { groupFrames, mainCountry, separateDisruptedDevices, specificity, storyCountries, type Group } from './grouping.js';
import { demonymCountry, documentFocus, geoPrecisionOf } from './location.js';
import { writeNotes } from './notes.js';
import adminUnits from './data/admin-units.json' with { type: 'json' };
import frontLines from './data/front-lines.json' with { type: 'json' };
import actorDictionary from '../locales/en/data/actors.json' with { type: 'json' };
import functionWords from '../locales/en/data/function-words.json' with { type: 'json' };
import placeKindWords from '../locales/en/data/place-kind-words.json' with { type: 'json' };
import communal from '../locales/en/data/communal.json' with { type: 'json' };
import triggerData from '../locales/en/data/triggers.json' with { type: 'json' };
import { alternation, wordsAndStems } from '../common/word-pattern.js';

const BANDITS = new Set(actorDictionary.livestockRaiders.bandits);
const LIVESTOCK_RAID = new RegExp(`\\b(?:${actorDictionary.livestockRaiders.livestock.join('|')})\\b`, 'i');

const MAX_EVIDENCE_PER_FIELD = 6;

/** A country's capital as an event's place, standing where the country's own mention stood (if any). */
function capitalAt(countryCode: string, country: PlaceMention | undefined): PlaceMention | undefined {
  // (The built gazetteer, as capitalOfSameName reads it: a capital is never a user's place.)
  const entry = capitalEntry(loadGazetteer(), countryCode);
  if (!entry) return country;
  return { start: country?.start ?? 0, end: country?.end ?? 0, text: country?.text ?? '', entry, score: country?.score ?? 1, demonym: undefined, countryName: undefined, alternatives: undefined, heldIn: undefined, holds: undefined };
}

/** How far (degrees) from a country's centre its capital must lie to be in the part a compass word names. */
const PART_MARGIN_DEGREES = 0.5;

/**
 * "in north-eastern Syria", "northern Nigeria": the country's mention puts the place in a part of it
 * that its capital does not lie in (Damascus is not in the north-east), so the capital cannot stand in.
 */
function capitalOutsidePart(doc: Doc, country: PlaceMention): boolean {
  const part = compassPartBefore(doc.text, country.start);
  if (part === undefined) return false;
  const capital = lookupCountry(country.entry.countryCode)?.capital;
  if (!capital) return false;
  const offset = [capital.latitude - country.entry.latitude, capital.longitude - country.entry.longitude];
  return part.some((sign, axis) => sign !== 0 && sign * offset[axis]! <= PART_MARGIN_DEGREES);
}

/** A first-level region as an event's place: its seat, standing where the region's mention stood. */
function atRegionSeat(place: PlaceMention | undefined): PlaceMention | undefined {
  if (!place || place.entry.feature !== 'admin1') return place;
  const seat = regionSeat(place.entry);
  return seat ? { ...place, entry: seat, alternatives: undefined } : place;
}

export function assembleEvents(doc: Doc): AcledEvent[] {
  // Comment (an opinion column, an editorial, a letter) tells no events of its own: the events it
  // argues about are background, reported elsewhere (see the genre stage).
  if (doc.commentary) return [];
  const frames = buildFrames(doc);
  if (frames.length === 0) return [];
  const storyCountry = mainCountry(doc.places, doc.countryCues);
  let groups = groupFrames(frames, storyCountry, storyCountries(doc.places, storyCountry), doc.scope !== null).filter((g) => g.frames.some((f) => f.triggers.length > 0));
  // (In an article, a device defused and another that went off are two events; a short note is one.)
  if (doc.scope !== null) groups = separateDisruptedDevices(groups, doc.text);
  if (groups.length === 0) return [];
  const main = groups[0]!;
  const hinted = doc.meta.country ? lookupCountry(doc.meta.country) : undefined;
  // (A known country of the document outranks an attacker's nationality: "Russian airstrikes hit ...".)
  // Last, a town named only as an actor's base or on a road's name ("Gendarmerie from Koudougou shot
  // dead a man", "a traveller on the Obo-Mboki road"): it still says the story's country and region.
  const focus = documentFocus(doc, hinted?.code) ?? demonymCountry(doc, { origins: !hinted, inPassing: !hinted });
  const coref = resolveCoreference(doc);
  const homeCountry = doc.actors.map((a) => actorEntry(a.actorId)?.home).find(Boolean);
  const dateline = doc.dateline && doc.dateline.entry.feature !== 'country' && doc.dateline.entry.feature !== 'region' ? doc.dateline : undefined;
  // A coder's note that says where its event was coded ("[coded to Wadi Halfa admin 2 HQ]") places the main event there.
  const coded = codedPlace(doc.text, doc.places, (p) => describesActor(doc, p) || doc.actors.some((a) => a.start <= p.start && a.end >= p.end));
  const events: AcledEvent[] = [];
  let mainActors: EventActors | undefined;
  let mainKind: { kind: Classification; date: string } | undefined;
  groups.forEach((group, index) => {
    // A group that names no place or actors of its own continues the main story ("clashes in the area").
    // ("in Djibouti": a country named as its capital is is coded at the capital, as ACLED does.)
    // A main event (or one placed only in a whole country) whose sentences name no town takes the
    // town of the sentences just before it, which set its scene ("Inside the stadium in Sydney, ...
    // Before the match, refugees staged a protest outside the stadium").
    const local = group.place && specificity(group.place.entry) >= ADMIN1_SPECIFICITY ? group.place : undefined;
    const context = doc.scope !== null && !local && (group === main || group.place) ? sceneBefore(doc, group, group.place?.entry.countryCode) : undefined;
    let named: PlaceMention | undefined = (group === main ? coded : undefined) ?? local ?? context ?? group.place ?? main.place ?? focus;
    // A wire report's dateline places the event when nothing below the country does and the
    // dateline is in the story's country ("SAN SALVADOR, 31 OCT 89 -- A bomb went off ... in El Salvador").
    if (dateline && (named ? named.entry.feature === 'country' && named.entry.countryCode === dateline.entry.countryCode : dateline.entry.countryCode === storyCountry)) named = dateline;
    const place = (named && capitalOfSameName(named)) ?? named;
    // With no place at all, the country the document is known to be about (a feed's or a
    // collection's), else the one where the story's named group is based.
    const country = place ? lookupCountry(place.entry.countryCode) : (hinted ?? (homeCountry ? lookupCountry(homeCountry) : undefined));
    const dateMention = group.date;
    const published = parseIsoDay(doc.meta.date) ? doc.meta.date : undefined;
    const eventDate = dateMention?.date ?? published ?? '';
    const timePrecision = dateMention?.precision ?? 2;
    // Background (see isBackground) is decided by place and date alone: skip the rest early.
    const background = doc.scope !== null && isBackground(place, eventDate, published);
    if (background && group !== main) return;
    // An event the text gives no date and tells in the perfect, under a modal or in a question
    // ("has fought", "they'll attack"), other than the article's main one, is not news of the day:
    // it is left out rather than stamped with the publication date.
    if (!dateMention && group !== main && group.frames.every((f) => f.triggers.every((t) => toldAsNoNewsAt(doc, f, t)))) return;
    const ctx = { doc, countryCode: place?.entry.countryCode ?? country?.code, country: country?.name ?? place?.entry.country, date: eventDate || undefined, coref, placedWithinCountry: !!place && place.entry.feature !== 'country' };
    // In an article, an agreement is an event when a party to the conflict is told making it ("IS
    // fighters surrendered to the SDF"): a ceasefire the UN voted for, or talks, are not.
    if (group.kind === 'agreement' && !group.frames.some((f) => f.participants.some((p) => p.agent && !p.reporter && isArmed(p.mention.inter)))) return;
    let actors = resolveActors(group.frames, ctx);
    if (!actors.actor1 && mainActors && group !== main && group.kind !== 'agreement') actors = resolveActors(main.frames, ctx);
    if (group === main) mainActors = actors;
    let deaths = deathFigures(doc, group.frames);
    let fatalities = sumFatalities(deaths);
    let kind = classify(doc.text, group.frames, actors, fatalities);
    if (!kind) return;
    // A casualty told apart in a report of explosions, with no deed and no one acting ("... a plane
    // dropped a bomb on a home in San Miguel. A 12-year-old girl was injured in Soyapango."), is hurt
    // by the explosions the report is about, not by an attack of its own (told on another day, it is
    // another event: "the Jesuits killed on 16 November").
    if (group === main) mainKind = { kind, date: eventDate };
    else if (mainKind?.kind.eventType === 'Explosions/Remote violence' && mainKind.date === eventDate && kind.eventType === 'Violence against civilians' && casualtyOnly(group.frames)) kind = { ...mainKind.kind, decisive: kind.decisive };
    // A peaceful protest killed no one (codebook 2.3: deaths at a protest make excessive force).
    if (kind.subEventType === 'Peaceful protest') fatalities = 0;
    if (kind.eventType === 'Protests' || kind.eventType === 'Riots') {
      // Demonstrations: the crowd is actor1, whoever faces it actor2.
      actors = resolveActors(group.frames, ctx, { crowd: true });
      kind = classify(doc.text, group.frames, actors, fatalities);
      if (!kind) return;
    } else if (kind.eventType === 'Battles' && (actors.actor2?.inter === 7 || actors.actor1?.inter === 7)) {
      // Civilians caught in a battle are not one of its sides.
      const armed = resolveActors(group.frames, ctx, { armedOnly: true });
      if (armed.actor1) actors = armed;
    }
    // In a long article, a further mention of fighting with no one named and no one killed is
    // usually background ("the battle for Mosul"), not an event of its own.
    if (group !== main && doc.scope !== null && !actors.actor1 && fatalities === 0) return;
    // Nor is the main one, when the text names no one on either side: in a long article, an event
    // word with no actor, target or dead ("a fine strike", "sales exploded") has no violent sense.
    // (A wire report's device that went off is violence whoever set it: "a dynamite charge exploded".)
    // (A crowd's topic, "a protest against the government", names someone too.)
    if (doc.scope !== null && !actors.actor1 && !actors.actor2 && !actors.topicNamed && fatalities === 0 && !(opensWithDateline(doc.text) && namesDevice(doc, group.frames))) return;
    if (background) return;
    // A long article that is not a wire report (no dateline) tells its news with a day ("on Sunday",
    // "yesterday") or its dead; an event word with neither is comment, analysis or background
    // ("the fighting has not ended", "getting bombed every five minutes"). A wire report's undated
    // event is the day's news, and so is one a sentence ties to the story's time ("After the match, ...").
    // (A dated text, or an undated one long enough to be an article: a long ACLED note may tell
    // its events undated.) Dead told undated count as news only in the article's opening, which
    // reports the day's event; further down, an undated killing is background or a summary ("six
    // men were gunned down in the middle of prayer", "the offensive has killed 123 civilians").
    if (
      doc.scope !== null &&
      (published || doc.sentences.length > ARTICLE_OVER_SENTENCES) &&
      !dateMention &&
      (fatalities === 0 || group.frames.every((f) => f.sentence >= OPENING_SENTENCES)) &&
      !opensWithDateline(doc.text) &&
      !group.frames.some((f) => anchoredToStory(doc.slice(f.span)))
    )
      return;
    // A killing told only as what is investigated, charged or deplored ("the prosecutor
    // investigating the murder of a judge"): when the event is that killing (its word decides the
    // event's type), its dead.
    if (fatalities === 0 && TOLD_KILLING_TYPES.has(kind.eventType)) {
      const told = deathFigures(doc, group.frames, TOLD_KILLED).filter((f) => kind!.decisive.some((t) => t.start === f.start));
      if (told.length > 0) {
        deaths = told;
        fatalities = sumFatalities(told);
      }
    }
    // A killing told as the cause of what its sentence tells ("after the 16 November assassination of
    // six Jesuits"): when the event is that killing and is dated by the killing's own day (a day right
    // before its noun, or after it in its phrase), its dead.
    if (fatalities === 0 && TOLD_KILLING_TYPES.has(kind.eventType) && group.date) {
      const day = group.date;
      const cause = deathFigures(doc, group.frames, CAUSE_KILLED).filter((f) => kind!.decisive.some((t) => t.start === f.start) && datesKilling(day, f));
      if (cause.length > 0) {
        deaths = cause;
        fatalities = sumFatalities(cause);
      }
    }
    // Crowd events: generic people in a protest are the protesters, in a riot the rioters.
    adjustCrowdActors(kind.eventType, actors, ctx.country);
    // Forces that a mob's violence did not fall on ("before police intervened", "handed them over to
    // the police") are not its actor2: the mob's victims are (Civilians where unnamed).
    if (kind.subEventType === 'Mob violence' && actors.actor2?.inter === 1 && (actors.actor2.agentMentions ?? 0) === 0 && !mobTargets(doc, group.frames, actors.actor2)) actors.actor2 = undefined;
    // Bandits who raid livestock are a community's raiders: a communal militia (see livestockRaiders).
    if (group.frames.some((f) => LIVESTOCK_RAID.test(doc.slice(f.span)))) {
      for (const side of ['actor1', 'actor2'] as const) {
        const a = actors[side];
        if (a && a.key === 'unidentified-armed-group' && a.mentions.length > 0 && a.mentions.every((m) => BANDITS.has(m.text.toLowerCase()))) {
          actors[side] = asCommunalMilitia(a, ctx.country);
        }
      }
    }
    const communalClash = isCommunalPeople(actors.actor1) || isCommunalPeople(actors.actor2) || kind.decisive.some((t) => COMMUNAL_CLASH.test(t.text)) || (kind.subEventType === 'Armed clash' && communalFightTold(doc.text, group.frames));
    // (Asked only where a default actor depends on it: the text test is not free.)
    const communalContext = () => communalClash || group.frames.some((f) => COMMUNAL_CONTEXT.test(doc.slice(f.span)));
    // A clash told before any other violence ("supporters of X and Y clashed, injuring two"), not
    // one an assault is about ("assaulted a journalist covering a clash"), has two sides.
    const firstDecisive = kind.decisive.reduce<TriggerMention | undefined>((a, t) => (!a || t.start < a.start ? t : a), undefined);
    const communityFeud = () => group.frames.some((f) => COMMUNITY_FEUD.test(doc.slice(f.span)));
    // (Only a text naming one rebel group: among several, "the Kurdish YPG" and "the PKK" of a
    // Syrian war story, nothing says which one used the weapon.)
    const suspectedGroup = (): ResolvedActor | undefined => {
      const m = doc.actors.find((a) => a.inter === 2 && !a.generic);
      if (m && doc.actors.some((a) => a.inter === 2 && !a.generic && a.actorId !== m.actorId)) return undefined;
      const entry = m && actorEntry(m.actorId);
      return m && entry ? { key: m.actorId, name: actorName(entry, ctx.countryCode, ctx.country, ctx.date), inter: 2, kind: entry.kind, mentions: [m] } : undefined;
    };
    addDefaultActors(doc.text, group.frames, kind.subEventType, actors, ctx.country, communalClash, communalContext, firstDecisive?.cls === 'clash', communityFeud, suspectedGroup);
    // Fighting with no side named on a front line the data knows is between the sides of the line.
    // Fire from afar there (a monitor's count of explosions near a village of the line) came from
    // one side, and the text does not say which: no side is named. An explosion whose device the text
    // does not name is there the line's shelling, not a planted bomb (ACLED's coding of the line's reports).
    // The fire came from the side that does not hold the place it was seen near, when the data
    // says who holds it.
    if ((kind.subEventType === 'Armed clash' || kind.subEventType === 'Remote explosive/landmine/IED' || kind.subEventType === 'Shelling/artillery/missile attack') && !actors.actor1 && !actors.actor2) {
      const line = frontLineAt(ctx.countryCode, acledAdmin1(place), eventDate);
      const sides = line && frontLineSides(line, ctx.countryCode, eventDate, ctx.country);
      if (sides && kind.subEventType === 'Armed clash') [actors.actor1, actors.actor2] = sides;
      else if (sides && (kind.subEventType === 'Shelling/artillery/missile attack' || kind.decisive.every((t) => !t.tactic))) {
        kind = { ...kind, subEventType: 'Shelling/artillery/missile attack' };
        const holder = holderNamed(line, doc.text, group.frames);
        if (holder !== undefined) actors.actor1 = sides[1 - holder];
      }
    }
    const claims = buildClaims(doc, group);
    // An event placed only in a whole country is coded at its capital: a country's centre is no
    // place an event happens in, while its capital is where its protests, strikes and sit-ins mostly
    // gather (ACLED codes a national demonstration there) and where most of the news that names no
    // town is told from (the ministries, the police, the press). A town, when the text names one, is
    // found above. A demonstration is put there too when only the document's known country or its
    // actor's home places it; another event then stays in the whole country, which its words do
    // not even name. Other than a demonstration's, the capital only stands in for the country
    // (standIn): its location and region carry no evidence.
    // A report placed only in a first-level region is coded at the region's seat, as ACLED codes it
    // (its codebook: the provincial capital, geo-precision 3): "ONLF attacks in Somali region" at Jijiga.
    const demonstration = kind.eventType === 'Protests' || kind.eventType === 'Riots';
    // (Not when the text puts the event far from a town, "200 km north of the capital, Bamako", or in a
    // part of the country the capital is not in, "in north-eastern Syria".)
    const capital = country && (place ? place.entry.feature === 'country' && !farReference(doc, place) && !capitalOutsidePart(doc, place) : demonstration) ? capitalAt(country.code, place) : undefined;
    const standIn = capital !== undefined && capital !== place && !demonstration;
    const at = atRegionSeat(capital ?? place);
    const ev: AcledEvent = {
      event_id: '',
      doc_id: doc.id,
      event_date: eventDate,
      time_precision: timePrecision,
      event_type: kind.eventType,
      sub_event_type: kind.subEventType,
      actor1: actors.actor1?.name ?? '',
      assoc_actor_1: actors.assoc1.map((a) => a.name).join('; '),
      inter1: actors.actor1?.inter ?? 0,
      actor2: actors.actor2?.name ?? '',
      assoc_actor_2: actors.assoc2.map((a) => a.name).join('; '),
      inter2: actors.actor2?.inter ?? 0,
      interaction: 0,
      country: country?.name ?? place?.entry.country ?? '',
      iso3: country?.iso3 ?? '',
      admin1: acledAdmin1(at),
      admin2: at?.entry.admin2 ?? '',
      location: at ? at.entry.name : '',
      latitude: at ? round4(at.entry.latitude) : null,
      longitude: at ? round4(at.entry.longitude) : null,
      geo_precision: at && at === place ? geoPrecisionOf(doc, at) : 3,
      fatalities,
      notes: '',
      source: doc.meta.source ?? '',
      confidence: 0,
      claims,
      tactics: kind.tactics.map((t) => t.tactic),
      evidence: {},
    };
    // One-sided events carry no actor2 (inter2 0): Protests without intervention, and the like.
    if (ev.sub_event_type === 'Peaceful protest' && ev.inter2 !== 0 && ev.inter2 !== 6) {
      ev.actor2 = '';
      ev.inter2 = 0;
      actors.actor2 = undefined;
    }
    ev.interaction = interactionCode(ev.inter1, ev.inter2);
    ev.evidence = buildEvidence(doc, group, actors, place, !standIn, deaths, kind);
    ev.confidence = confidenceOf(ev, group);
    ev.notes = writeNotes(ev, deaths.map((f) => figureClaim(doc, f)));
    // (An event's id hashes the place its text names: a capital standing in for a whole country,
    // other than a demonstration's, leaves it as it was.)
    const idPlace = standIn ? (place?.entry.name ?? '') : ev.location;
    ev.event_id = eventId(doc.id, index, ev, idPlace);
    // A report that covers several places is one event per place, its dead shared among them with
    // the remainder to the first (codebook 4.1, 4.2): "in Sangin and Lashkargah".
    const others = place && group.place === place ? coordinatedPlaces(doc, group, place) : [];
    // An event told over several days ("in a clash last Wednesday and Thursday") is one event a
    // day, its dead shared among them with the remainder to the earliest (codebook 4.2).
    const days = others.length === 0 && dateMention ? coordinatedDays(doc, dateMention, published) : [];
    if (days.length > 1) {
      days.forEach((d, k) => {
        const share = Math.floor(fatalities / days.length) + (k < fatalities % days.length ? 1 : 0);
        const copy: AcledEvent = { ...ev, event_date: d.date, time_precision: d.precision, fatalities: share, evidence: { ...ev.evidence, event_date: [evidence(doc, d)] } };
        if (fatalities > 0) copy.notes = `${ev.notes} Fatalities are split across ${days.length} days (${share}).`;
        copy.event_id = k === 0 ? ev.event_id : eventId(doc.id, index, copy, idPlace);
        events.push(copy);
      });
      return;
    }
    if (others.length === 0) {
      events.push(ev);
      return;
    }
    const all = [place!, ...others];
    all.forEach((named, k) => {
      const p = atRegionSeat(named)!;
      const share = Math.floor(fatalities / all.length) + (k < fatalities % all.length ? 1 : 0);
      const copy: AcledEvent = {
        ...ev,
        admin1: acledAdmin1(p),
        admin2: p.entry.admin2 ?? '',
        location: p.entry.name,
        latitude: round4(p.entry.latitude),
        longitude: round4(p.entry.longitude),
        geo_precision: p === named ? geoPrecisionOf(doc, p) : 3,
        fatalities: share,
        evidence: { ...ev.evidence },
      };
      for (const field of ['location', 'latitude', 'longitude', 'admin1']) copy.evidence[field] = [evidence(doc, p)];
      if (fatalities > 0) copy.notes = `${ev.notes} Fatalities are split across ${all.length} events (${share}).`;
      copy.event_id = k === 0 ? ev.event_id : eventId(doc.id, index, copy);
      events.push(copy);
    });
  });
  return events;
}

const ADMIN_UNIT_SUFFIX = new RegExp(`\\s+(${adminUnits.suffixes.join('|')})$`, 'i');

/** admin1 as ACLED names it: "Dhaka", not "Dhaka Division". */
export function acledAdmin1(place: PlaceMention | undefined): string {
  if (!place || place.entry.feature === 'country' || place.entry.feature === 'region') return '';
  const written = place.entry.admin1 ?? (place.entry.feature === 'admin1' ? place.entry.name : '');
  const name = written.replace(ADMIN_UNIT_SUFFIX, '');
  // (The name as written first: "Lima Province" and "Lima region" are two of Peru's regions.)
  const names = (adminUnits.acledNames as Record<string, Record<string, string>>)[place.entry.countryCode];
  // A second-level unit ACLED counts as first-level (the City of Belgrade): the place in it, or the unit.
  const byAdmin2 = (adminUnits.acledNamesByAdmin2 as Record<string, Record<string, string>>)[place.entry.countryCode];
  // (A country whose first level ACLED draws at GeoNames' second, Uganda's districts: the district.)
  if (ADMIN2_AS_ADMIN1.has(place.entry.countryCode)) {
    const district = place.entry.admin2 ?? (place.entry.feature === 'admin2' ? place.entry.name : undefined);
    if (district !== undefined) return plainLatin(district.replace(ADMIN_UNIT_SUFFIX, ''));
  }
  const admin2 = byAdmin2 && (place.entry.admin2 ?? (place.entry.feature === 'admin2' ? place.entry.name : undefined));
  const acled = (admin2 !== undefined ? byAdmin2![admin2] : undefined) ?? names?.[written] ?? names?.[name] ?? name;
  return plainLatin(acled);
}

const ADMIN2_AS_ADMIN1 = new Set<string>(adminUnits.acledAdmin1IsAdmin2);

/** ACLED writes its admin names in plain Latin letters: "Taizz", "Diyarbakir", "Ouham-Pende". */
function plainLatin(name: string): string {
  // eslint-disable-next-line no-control-regex
  return /[^\x00-\x7f]/.test(name) ? name.normalize('NFD').replace(/\p{M}/gu, '').replace(/ı/g, 'i').replace(/[‘’ʿʾʻ]/g, '') : name;
}

/** Between two places of one list: a comma, "and", "or", a bracketed alias, unit words. */
const COORDINATION = new RegExp(
  `^(?:\\s*\\([^)]{0,40}\\))?\\s*(?:${alternation(placeKindWords.listUnits)})?\\s*(?:,|${alternation(functionWords.listConjunctions)}|&|, (?:${alternation(functionWords.listConjunctionsAfterComma)}))\\s*(?:(?:${alternation(functionWords.placeListOpeners)})\\s+)?$`,
  'i',
);
/** Right before a place: "between (the)": the event happened once, between the places. */
const BETWEEN_BEFORE = new RegExp(`\\b(?:${alternation(functionWords.betweenPrepositions)})\\s+(?:(?:${alternation(functionWords.definiteArticle)})\\s+)?$`, 'i');

/**
 * Other places listed with the event's place in the same sentence ("in Chora and Tarinkot
 * districts"), in the same country and as specific (towns with towns, districts with districts).
 */
function coordinatedPlaces(doc: Doc, group: Group, place: PlaceMention): PlaceMention[] {
  const frame = group.frames.find((f) => f.places.includes(place));
  // "an ambush between Sar-e Pol and Jowzjan provinces" happened once, between the two.
  if (!frame || BETWEEN_BEFORE.test(doc.text.slice(Math.max(0, place.start - 12), place.start))) return [];
  // In an article, places listed in a sentence with no date of its own ("fought in Tel Hamis,
  // Manbij and Raqqa") do not split an event another sentence dates: they may be a career's places.
  if (doc.scope !== null && group.date !== undefined && frame.date === undefined) return [];
  const list = frame.places.filter((p) => p.entry.countryCode === place.entry.countryCode && p.entry.feature === place.entry.feature);
  const i = list.indexOf(place);
  const out: PlaceMention[] = [];
  const seen = new Set([`${place.entry.latitude},${place.entry.longitude}`]);
  for (let k = i + 1; k < list.length; k++) {
    const prev = list[k - 1]!;
    const next = list[k]!;
    if (!COORDINATION.test(doc.text.slice(prev.end, next.start))) break;
    const key = `${next.entry.latitude},${next.entry.longitude}`;
    // (Nor a place named as the one holding the place before it: "(coded to Narsingdi, Dhaka)".)
    if (!seen.has(key) && !next.holds) out.push(next);
    seen.add(key);
  }
  return out;
}

function toldAsNoNewsAt(doc: Doc, frame: { span: Span }, t: Span): boolean {
  return toldAsNoNews(doc.text.slice(Math.max(frame.span.start, t.start - 40), t.start), doc.text.slice(t.end, frame.span.end));
}

const BACKGROUND_AFTER_DAYS = 31;

const ADMIN1_SPECIFICITY = 2;
/** How many sentences back the scene of an unplaced event is looked for. */

/**
 * The town (or province) named last in the sentences just before the group's first event sentence,
 * in `country` when given: where the text has set the scene. Places that describe an actor, roads
 * and datelines do not set it.
 */
function sceneBefore(doc: Doc, group: Group, country: string | undefined): PlaceMention | undefined {
  const first = group.frames.find((f) => f.triggers.length > 0);
  if (!first) return undefined;
  const from = Math.max(0, first.sentence - SCENE_SENTENCES);
  const start = doc.sentences[from]!.start;
  const end = first.span.start;
  // (A sentence that reports an event of its own places that one: "in response to the Douma attack".)
  const eventful = new Set<number>();
  for (const t of spansStartingIn(doc.triggers, start, end)) if (!t.irrealis && t.cls !== 'note') eventful.add(doc.sentenceAt(t.start));
  let best: PlaceMention | undefined;
  // (Places are sorted by start: the last that qualifies is the nearest. The sentences out of
  // scope are read for their places apart, here only: doc.scenePlacesIn.)
  const places = [...spansStartingIn(doc.places, start, end), ...doc.scenePlacesIn(start, end)].sort((a, b) => a.start - b.start);
  for (const p of places) {
    if (p.demonym || specificity(p.entry) < ADMIN1_SPECIFICITY || (country && p.entry.countryCode !== country)) continue;
    if (eventful.has(doc.sentenceAt(p.start)) || describesActor(doc, p) || namesRoad(doc, p) || isDatelinePlace(doc.text, p.start, p.end)) continue;
    best = p;
  }
  return best;
}

/** Between two days told of one event: "Wednesday and Thursday", "Saturday, Sunday and Monday". */
const DAYS_JOINED = new RegExp(`^\\s*(?:,|,?\\s*(?:${alternation(functionWords.dayListConjunctions)})|&)\\s*(?:(?:${alternation(functionWords.dayPrepositions)})\\s+)?$`, 'i');
/** At most this many days are read as one event's days. */
const MAX_EVENT_DAYS = 7;

/**
 * The days of an event whose date is one of several days joined in a list ("last Wednesday and
 * Thursday"), earliest first; [] when the date stands alone. Only days (precision 1) up to the
 * publication date.
 */
function coordinatedDays(doc: Doc, date: DateMention, published: string | undefined): DateMention[] {
  if (date.precision !== 1 || date.reporting) return [];
  const days: DateMention[] = [date];
  let last: DateMention = date;
  for (let i = firstStartingAfter(doc.dates, last.end - 1); i < doc.dates.length && days.length < MAX_EVENT_DAYS; i++) {
    const next = doc.dates[i]!;
    if (!DAYS_JOINED.test(doc.text.slice(last.end, next.start))) break;
    if (next.precision !== 1 || next.reporting || next.vague || (published && next.date > published)) break;
    days.push(next);
    last = next;
  }
  if (days.length < 2 || new Set(days.map((d) => d.date)).size < days.length) return [];
  return days.sort((a, b) => a.date.localeCompare(b.date));
}

/** At most this many characters between a day and the killing noun it modifies ("the 16 November assassination"). */
const DAY_BEFORE_KILLING = 3;
/** At most this many characters between a killing's phrase and its day after it ("the murder of six Jesuits who were shot on 16 November"). */
const DAY_AFTER_KILLING = 60;

/** The day is the killing's own: right before its noun, or just after it in its phrase. */
function datesKilling(day: Span, killing: Span): boolean {
  return (day.end <= killing.start && killing.start - day.end <= DAY_BEFORE_KILLING) || (day.start >= killing.start && day.start - killing.end <= DAY_AFTER_KILLING);
}

/** An undated text of more sentences than this is an article rather than a note. */
const ARTICLE_OVER_SENTENCES = 8;
/** Events that are a killing's violence: they count the dead of a killing told as investigated or charged. */
const TOLD_KILLING_TYPES = new Set(['Violence against civilians', 'Explosions/Remote violence', 'Battles']);

/**
 * In a long article, an event placed only in a whole country (ACLED drops country-level events)
 * or dated more than a month before publication is background, not news of the day.
 */
function isBackground(place: PlaceMention | undefined, eventDate: string, published: string | undefined): boolean {
  if (place && (place.entry.feature === 'country' || place.entry.feature === 'region')) return true;
  if (!published || !eventDate) return false;
  const days = (Date.parse(published) - Date.parse(eventDate)) / 86_400_000;
  return days > BACKGROUND_AFTER_DAYS;
}

function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}

export function interactionCode(a: number, b: number): number {
  if (!a && !b) return 0;
  if (!b) return a * 10;
  if (!a) return b * 10;
  return Math.min(a, b) * 10 + Math.max(a, b);
}

function eventId(docId: string, index: number, ev: AcledEvent, placeName = ev.location): string {
  return `${ev.iso3 || 'XXX'}-${stableHash(`${docId}|${index}|${ev.event_date}|${ev.sub_event_type}|${placeName}`)}`;
}

function adjustCrowdActors(eventType: string, actors: EventActors, country: string | undefined): void {
  const label = (name: string) => (country ? `${name} (${country})` : name);
  const rename = (a: ResolvedActor | undefined, inter: number, name: string) => {
    if (!a || (a.kind !== 'population' && a.kind !== 'protesters' && a.kind !== 'rioters')) return;
    a.inter = inter;
    a.name = label(name);
  };
  if (eventType === 'Protests') rename(actors.actor1, 6, 'Protesters');
  if (eventType === 'Riots') rename(actors.actor1, 5, 'Rioters');
  // The crowd acts first in a demonstration or riot: party members, workers, even police officers
  // protesting their pay are coded as the crowd. Whoever it faced (police) becomes actor2.
  const crowdLabel = eventType === 'Protests' ? 'Protesters' : eventType === 'Riots' ? 'Rioters' : undefined;
  const crowdInter = crowdLabel === 'Protesters' ? 6 : 5;
  if (crowdLabel && actors.actor1?.inter !== crowdInter) {
    const previous = actors.actor1;
    // (Forces facing the crowd come before bystanders it hurt: "riots ... confrontations with police".)
    const facing = previous && previous.inter >= 1 && previous.inter <= 4;
    const armedForce = facing && previous.kind !== 'government';
    if (facing && (!actors.actor2 || (armedForce && actors.actor2.inter === 7))) actors.actor2 = previous;
    actors.actor1 = { key: crowdLabel.toLowerCase(), name: label(crowdLabel), inter: crowdInter, kind: crowdLabel.toLowerCase(), mentions: previous && previous.inter !== actors.actor2?.inter ? previous.mentions : [] };
  }
  if (eventType === 'Protests' || eventType === 'Riots') {
    // The state actor facing a crowd is actor2, never the crowd's own members.
    if (actors.actor2 && (actors.actor2.kind === 'population' || actors.actor2.kind === 'protesters') && eventType === 'Protests') actors.actor2 = undefined;
  }
}

/** At most this many characters between a crowd's violent verb and the forces it fell on ("attacked police"). */
const MOB_TARGET_CHARS = 40;
/** Words that open another clause between a verb and a name: "lynched a pastor before police ...". */
const CLAUSE_BETWEEN = new RegExp(`[,;]|\\b(?:${alternation(functionWords.clauseOpeners)})\\b`, 'i');
const PASSIVE_BETWEEN = new RegExp(`\\b(?:${alternation(functionWords.passiveAuxiliaries)})\\b`, 'i');
/** A crowd's violence, and violence or a clash by anyone (a crowd's too). */
const MOB_VIOLENCE: ReadonlySet<string> = new Set([...CROWD_VIOLENCE, 'violence', 'clash']);

/** Whether the actor is named right after (or within) a violent verb of the crowd: its target. */
function mobTargets(doc: Doc, frames: Group['frames'], actor: ResolvedActor): boolean {
  for (const f of frames) for (const t of f.triggers) {
    if (!MOB_VIOLENCE.has(t.cls)) continue;
    for (const m of actor.mentions) {
      if (m.start >= t.start && m.start - t.end <= MOB_TARGET_CHARS && !CLAUSE_BETWEEN.test(doc.text.slice(t.end, m.start))) return true;
      // The passive: "an officer was lynched", "police officers ... were also stoned".
      if (m.end <= t.start && t.start - m.end <= MOB_TARGET_CHARS && PASSIVE_BETWEEN.test(doc.text.slice(m.end, t.start))) return true;
    }
  }
  return false;
}

/**
 * ACLED's default actors where the text names none: an attack by unnamed perpetrators is by an
 * Unidentified Armed Group; the victims of an attack or of mob violence are Civilians.
 */
/** Words that place violence between communities: unnamed attackers there are a communal militia. */
const COMMUNAL_CONTEXT = new RegExp(`\\b(?:${wordsAndStems(communal.communalContext)})\\b`, 'i');

/** Unidentified armed men who are one community's raiders: its militia, keeping their mentions as evidence. */
function asCommunalMilitia(actor: ResolvedActor, country: string | undefined): ResolvedActor {
  const name = 'Unidentified Communal Militia';
  return { ...actor, key: 'communal-militia', name: country ? `${name} (${country})` : name, inter: 4, kind: 'communal' };
}

/** Words that tell violence between communities outright (not a raid, which gangs make too). */
const COMMUNITY_FEUD = new RegExp(`\\b(?:${wordsAndStems(communal.communityFeud)})\\b`, 'i');

function addDefaultActors(text: string, frames: Group['frames'], subEventType: string, actors: EventActors, country: string | undefined, communalClash: boolean, communalContext: () => boolean, twoSided: boolean, communityFeud: () => boolean, suspectedGroup: () => ResolvedActor | undefined): void {
  const named = (name: string, inter: number, key: string): ResolvedActor => ({ key, name: country ? `${name} (${country})` : name, inter, mentions: [] });
  // Unnamed attackers of forces, or bombers: the rebel group the text names elsewhere ("Al Shabaab
  // suspected", "believed to be al Shabaab") when it names one, else an Unidentified Armed Group.
  const unnamedAttackers = () => suspectedGroup() ?? named('Unidentified Armed Group', 3, 'unidentified-armed-group');
  if (subEventType === 'Attack' || subEventType === 'Abduction/forced disappearance' || subEventType === 'Sexual violence') {
    // Attackers told only as unidentified armed men ("gunmen", "attackers") in violence between
    // communities are one community's militia, as unnamed attackers are (codebook 3).
    if (subEventType === 'Attack' && actors.actor1?.key === 'unidentified-armed-group' && communityFeud()) {
      actors.actor1 = asCommunalMilitia(actors.actor1, country);
    }
    if (!actors.actor1 || actors.actor1.inter === 7) {
      const victim = actors.actor1;
      // In violence between communities the unnamed attackers are one community's militia (codebook 3).
      actors.actor1 = subEventType === 'Attack' && communalContext()
        ? named('Unidentified Communal Militia', 4, 'communal-militia')
        : unnamedAttackers();
      if (!actors.actor2 && victim) actors.actor2 = victim;
    }
    // (The government named as an authority, "authorities believe ...", is not who was attacked.)
    // (Nor are forces told only after it, "police later launched an operation".)
    if (!actors.actor2 || actors.actor2.kind === 'government' || (subEventType === 'Attack' && actors.actor2.inter === 1 && actors.actor1?.inter !== 1 && !inFight(frames, actors.actor2))) actors.actor2 = named('Civilians', 7, 'civilians');
    // "Turkana raiders attack a Pokot village": the people of a group attacked are civilians, their
    // group an associated actor (codebook 3: an identity militia fights; its community is attacked).
    else if (subEventType === 'Attack' && actors.actor2.inter === 4 && actors.actor2.kind === 'communal') {
      actors.assoc2.push({ ...actors.actor2, name: communityOfMilitia(actors.actor2.name) });
      actors.actor2 = named('Civilians', 7, 'civilians');
    }
  }
  // What an armed group loots or destroys with no other side named ("militants burned a school",
  // "gunmen seized phones from road users") is taken from civilians: ACLED's actor2 of such
  // property violence. (State forces' seizures and destruction name their own target, or none.)
  if (subEventType === 'Looting/property destruction' && !actors.actor2 && actors.actor1 && actors.actor1.inter !== 1 && isArmed(actors.actor1.inter) && actors.actor1.kind !== 'government') {
    actors.actor2 = named('Civilians', 7, 'civilians');
  }
  // A mob's violence has victims; when the text names none, they are civilians. So are the
  // "suspected robbers" a mob lynches: unnamed armed men who fought back would make it a battle.
  // Two crowds that clash ("supporters of X and Y clashed") are both rioters.
  if (subEventType === 'Mob violence' && twoSided && (!actors.actor2 || actors.actor2.inter === 7)) actors.actor2 = named('Rioters', 5, 'rioters-2');
  if (subEventType === 'Mob violence' && (!actors.actor2 || actors.actor2.key === 'unidentified-armed-group')) actors.actor2 = named('Civilians', 7, 'civilians');
  // Communities fighting each other: both sides are communal militias (ACLED's "Unidentified Communal Militia").
  if (subEventType === 'Armed clash') {
    const communal = (a: ResolvedActor | undefined) => !a || isCommunalPeople(a) || a.inter === 7;
    if (communalClash && communal(actors.actor1) && communal(actors.actor2)) {
      actors.actor1 = named('Unidentified Communal Militia', 4, 'communal-militia');
      actors.actor2 = named('Unidentified Communal Militia', 4, 'communal-militia-2');
    }
  }
  // A community's militia in a clash with no other side named fights another community's.
  if (subEventType === 'Armed clash' && actors.actor1?.inter === 4 && !actors.actor2 && (communalContext() || isCommunalPeople(actors.actor1) || actors.actor1.kind === 'communal')) {
    actors.actor2 = named('Unidentified Communal Militia', 4, 'communal-militia-2');
  }
  // Forces attacked by unnamed assailants: the forces are the target, the attackers unidentified.
  // (So are forces told only as the target, "a man attacked a police officer": the man is no civilian side.)
  if (subEventType === 'Armed clash' && actors.actor1 && ((!actors.actor2 && (actors.actor1.agentMentions ?? 0) === 0) || ((!actors.actor2 || actors.actor2.inter === 7) && forcesTargeted(text, frames, actors.actor1)))) {
    actors.actor2 = actors.actor1;
    actors.actor1 = unnamedAttackers();
  }
  // A bomb or grenade that hit forces, or one they found, with no one else named: whoever planted
  // or threw it is unidentified (codebook 3: unnamed perpetrators are an Unidentified Armed Group).
  // (Forces told firing shells, "regime forces shelled Kansafra", "shells fired by LNA forces", are
  // their perpetrators: with no target named, the event has no actor2. A bomb they are told beside
  // may have hit them.)
  // The forces a device hit, told doing nothing ("three soldiers were killed by a roadside bomb"),
  // are its target: the unnamed bombers are actor1 (codebook: actor1 carries out the event). Forces
  // that disrupted a device ("police defused a bomb") did the event and stay actor1.
  if ((REMOTE_VIOLENCE.has(subEventType) || subEventType === 'Disrupted weapons use') && (actors.actor1?.inter === 1 || actors.actor1?.inter === 8) && actors.actor1.kind !== 'government' && !actors.actor2 && !((actors.actor1.agentMentions ?? 0) > 0 && subEventType === 'Shelling/artillery/missile attack')) {
    if (subEventType !== 'Disrupted weapons use' && (actors.actor1.agentMentions ?? 0) === 0) {
      actors.actor2 = actors.actor1;
      actors.actor1 = unnamedAttackers();
    } else actors.actor2 = unnamedAttackers();
  }
  // A bomb, a grenade, a chemical weapon or an air strike that hurt only civilians: they are its
  // actor2, whoever used it actor1 (codebook 3: unnamed perpetrators are an Unidentified Armed Group;
  // an aircraft's unnamed state is ACLED's "Unidentified Military Forces", external/other, inter 8).
  const airStrike = subEventType === 'Air/drone strike';
  if ((REMOTE_VIOLENCE.has(subEventType) || subEventType === 'Chemical weapon' || airStrike) && actors.actor1?.inter === 7 && !actors.actor2) {
    actors.actor2 = actors.actor1;
    actors.actor1 = airStrike ? { key: 'unidentified-military-forces', name: 'Unidentified Military Forces', inter: 8, mentions: [] } : unnamedAttackers();
  }
}

interface FrontLine {
  country: string;
  admin1: string[];
  from: string;
  to: string;
  sides: { state?: string; actor?: string; holds?: string[] }[];
}

/** The front line the data knows at this place and date (data/front-lines.json). */
function frontLineAt(countryCode: string | undefined, admin1: string, date: string): FrontLine | undefined {
  if (!countryCode || !date) return undefined;
  return (frontLines.lines as FrontLine[]).find((l) => l.country === countryCode && (l.admin1.length === 0 || l.admin1.includes(admin1)) && date >= l.from && date <= l.to);
}

/** The two sides of a front line. */
function frontLineSides(line: FrontLine, countryCode: string | undefined, date: string, country: string | undefined): [ResolvedActor, ResolvedActor] | undefined {
  const side = (s: FrontLine['sides'][number]): ResolvedActor | undefined => {
    const entry = actorEntry(s.state ?? s.actor ?? '');
    return entry ? { key: entry.id, name: actorName(entry, countryCode, country, date), inter: entry.inter, kind: entry.kind, mentions: [] } : undefined;
  };
  const a = line.sides[0] && side(line.sides[0]);
  const b = line.sides[1] && side(line.sides[1]);
  return a && b ? [a, b] : undefined;
}

const HELD_PLACES = new Map<FrontLine, { pattern: RegExp; holder: Map<string, number> }>();

/** Which side (0 or 1) holds the first settlement of the line the event's sentences name, if the data says. */
function holderNamed(line: FrontLine, text: string, frames: Group['frames']): number | undefined {
  let held = HELD_PLACES.get(line);
  if (!held) {
    const holder = new Map<string, number>();
    line.sides.forEach((s, i) => (s.holds ?? []).forEach((name) => holder.set(name, i)));
    const names = [...holder.keys()].sort((a, b) => b.length - a.length);
    held = { pattern: new RegExp(`(?<![\\p{L}\\p{N}-])(?:${alternation(names, 'any') || '(?!)'})(?![\\p{L}\\p{N}-])`, 'u'), holder };
    HELD_PLACES.set(line, held);
  }
  for (const frame of frames) {
    const m = held.pattern.exec(text.slice(frame.span.start, frame.span.end));
    if (m) return held.holder.get(m[0].replace(/\s+/g, ' '));
  }
  return undefined;
}

const REMOTE_VIOLENCE = new Set(['Remote explosive/landmine/IED', 'Grenade', 'Suicide bomb', 'Shelling/artillery/missile attack']);

function buildClaims(doc: Doc, group: Group): Claim[] {
  const claims: Claim[] = [];
  for (const frame of group.frames) for (const f of frame.figures) claims.push(figureClaim(doc, f));
  // A tactic confirmed by someone ("Kirby confirmed the airstrikes") is a claim too.
  const seen = new Set<string>();
  for (const frame of group.frames) {
    for (const t of frame.triggers) {
      if (!t.tactic) continue;
      const who = reporterAt(doc, t.start);
      if (!who) continue;
      const key = `${t.tactic}|${who.reporter}`;
      if (seen.has(key)) continue;
      seen.add(key);
      claims.push({ kind: 'tactic', value: null, tactic: t.tactic, reporter: who.reporter, evidence: evidence(doc, t), reporterEvidence: who.evidence });
    }
  }
  return claims;
}

function spans(doc: Doc, list: Span[]): EvidenceSpan[] {
  const out: EvidenceSpan[] = [];
  const seen = new Set<string>();
  for (const s of list) {
    const key = `${s.start}:${s.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(evidence(doc, s));
    if (out.length >= MAX_EVIDENCE_PER_FIELD) break;
  }
  return out;
}

function buildEvidence(
  doc: Doc,
  group: Group,
  actors: EventActors,
  place: PlaceMention | undefined,
  placeCoded: boolean,
  deaths: { start: number; end: number }[],
  kind: Classification,
): Record<string, EvidenceSpan[]> {
  const ev: Record<string, EvidenceSpan[]> = {};
  const put = (field: string, list: Span[]) => {
    const s = spans(doc, list);
    if (s.length > 0) ev[field] = s;
  };
  if (group.date) put('event_date', [group.date]);
  put('event_type', kind.decisive);
  put('sub_event_type', kind.decisive);
  put('actor1', actors.actor1?.mentions ?? []);
  put('actor2', actors.actor2?.mentions ?? []);
  put('assoc_actor_1', actors.assoc1.flatMap((a) => a.mentions));
  put('assoc_actor_2', actors.assoc2.flatMap((a) => a.mentions));
  // (An event coded at its country's capital for want of a place: the words tell its country only,
  // and its location and region carry no evidence; the merge reads them as unknown.)
  if (place) for (const field of placeCoded ? ['location', 'latitude', 'longitude', 'admin1', 'country'] : ['country']) put(field, [place]);
  put('fatalities', deaths);
  put('tactics', kind.tactics.map((t) => t.trigger));
  return ev;
}

function confidenceOf(ev: AcledEvent, group: Group): number {
  let c = 0.4;
  if (group.date) c += 0.1;
  if (ev.location) c += ev.geo_precision === 1 ? 0.15 : 0.08;
  if (ev.actor1) c += 0.1;
  if (ev.actor2) c += 0.05;
  if (group.frames.length > 1) c += 0.1;
  if (ev.fatalities > 0) c += 0.05;
  return Math.min(0.95, Math.round(c * 100) / 100);
}

const PLAIN_DEVICE = new Set(triggerData.plainDevice.phrases.map((p) => p.toLowerCase()));
/** Words that tell a plain device went off or did harm ("two bombs exploded", "damaged by a bomb"). */
const DEVICE_WENT_OFF_OR_HARMED = new RegExp(`\\b(?:${alternation([...triggerData.deviceWentOff.phrases, ...triggerData.plainDevice.harm])})\\b`, 'i');

/**
 * A trigger names the explosive device or weapon used ("car bomb", "grenade", "dynamite"): its
 * lexicon group gives a tactic. A device named plainly ("a bomb", "two bombs") counts when its
 * sentence tells it went off or did harm ("two bombs exploded", "offices damaged by a bomb").
 */
function namesDevice(doc: Doc, frames: readonly Frame[]): boolean {
  return frames.some((f) => f.triggers.some((t) => !t.irrealis && t.eventType === 'Explosions/Remote violence' && (t.tactic !== undefined || (PLAIN_DEVICE.has(t.text.toLowerCase()) && DEVICE_WENT_OFF_OR_HARMED.test(doc.slice(f.span))))));
}
