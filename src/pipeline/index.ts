// The extraction pipeline: a source document in, a Doc with annotations and its events out.
// Stages run in order, each adding one layer of spans to the shared Doc (see common/doc.ts).
import { addCapitalReferences } from '../extraction/capital-reference.js';
import { dropGovernmentMetonyms } from '../extraction/metonymy.js';
import { Doc, type PipelineComponent } from '../common/doc.js';
import type { AcledEvent } from '../common/event.js';
import { stableHash } from '../common/hash.js';
import { assembleEvents } from '../extraction/assemble.js';
import { loadGeoparser, UnknownNames } from '../geography/index.js';
import { storableDocument } from '../ingest/storable.js';
import type { SourceDocument } from '../ingest/types.js';
import { readingCase } from '../common/reading-case.js';
import { mainCountry } from '../extraction/grouping.js';
import { datelineAgencySpan, datelineCountrySpan, datelinePlaceSpan } from '../locales/en/dateline.js';
import { sceneRanges } from '../locales/en/scope.js';
import { foldName } from '../geography/fold.js';
import { schemeForCountry } from '../geography/transliteration.js';
import { englishCaseLexicon } from '../locales/en/letter-case.js';
import { englishStagesAfterPlaces, englishStagesBeforePlaces } from '../locales/en/index.js';

export interface ExtractResult {
  doc: Doc;
  events: AcledEvent[];
}

export interface Extractor {
  readonly components: readonly PipelineComponent[];
  /**
   * Reads the document through every stage and assembles its events. With eventsOnly, the stages
   * stop as soon as one sees that the document tells no event (a comment, no event word): the events
   * are the same, but such a document's doc lacks the later stages' annotations (places, actors ...).
   */
  extract(source: SourceDocument, options?: { eventsOnly?: boolean }): ExtractResult;
}

export interface ExtractorOptions {
  /** Count demonyms ("Syrian") as place mentions (they never become event locations). */
  demonyms?: boolean;
  /** A TSV of the user's own places (see the README). */
  userPlaces?: string;
  /**
   * Time one document may take, in milliseconds (default $SITREP_DOCUMENT_BUDGET_MS, else
   * DEFAULT_DOCUMENT_BUDGET_MS; 0 for none). Checked after every stage: a document over budget is
   * given up with a DocumentBudgetError, which callers report and skip, so one input cannot stall a run.
   */
  budgetMs?: number;
}

/** Every stage is linear in the text; a whole document over this is reported and skipped. */
export const DEFAULT_DOCUMENT_BUDGET_MS = 20_000;

export class DocumentBudgetError extends Error {
  constructor(
    readonly budgetMs: number,
    readonly stage: string,
    length: number,
  ) {
    super(`skipped: longer than the time budget of ${budgetMs / 1000} s per document (at stage ${stage}, ${Math.round(length / 1000)} KB of text)`);
  }
}

function budgetFrom(option: number | undefined, env: NodeJS.ProcessEnv = process.env): number {
  if (option !== undefined) return option;
  const v = env.SITREP_DOCUMENT_BUDGET_MS;
  if (v !== undefined && /^\d+$/.test(v.trim())) return Number(v);
  return DEFAULT_DOCUMENT_BUDGET_MS;
}

/** A stable id for documents that came without one: a hash of their text. */
export function documentId(text: string): string {
  return stableHash(text);
}

/**
 * The document to annotate. `read` gives the text as read (text written in capitals in ordinary
 * case, the same length); by default the text itself.
 */
export function createDoc(input: SourceDocument, read?: (text: string, from: number) => string): Doc {
  const source = storableDocument(input); // unchanged when it came through a reader
  const bodyStart = source.bodyStart ?? 0;
  return new Doc(
    source.id ?? documentId(source.text),
    read ? read(source.text, bodyStart) : source.text,
    { date: source.date, title: source.title, source: source.source, url: source.url, country: source.country },
    bodyStart,
    source.text,
  );
}

/** Character ranges of the sentences in scope (the whole body when the document is read whole). */
export function scopedTextRanges(doc: Doc): [number, number][] {
  const ranges: [number, number][] = [];
  for (const [first, end] of doc.scopedTokenRanges()) ranges.push([doc.tokens[first]!.start, doc.tokens[end - 1]!.end]);
  return ranges;
}

/** Sorted character ranges with [start, end) cut out. */
function withoutSpan(ranges: readonly [number, number][], [start, end]: [number, number]): [number, number][] {
  const out: [number, number][] = [];
  for (const [a, b] of ranges) {
    if (b <= start || a >= end) out.push([a, b]);
    else {
      if (a < start) out.push([a, start]);
      if (b > end) out.push([end, b]);
    }
  }
  return out;
}

/**
 * The parts of sorted, disjoint character ranges that fall within other sorted ranges: a binary search
 * finds the first range that may overlap each wanted one, so a few short look-ups in a long text read
 * only the ranges they touch.
 */
function clipped(ranges: readonly [number, number][], within: readonly [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [c, d] of within) {
    let lo = 0;
    let hi = ranges.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ranges[mid]![1] <= c) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < ranges.length && ranges[k]![0] < d; k++) {
      const from = Math.max(ranges[k]![0], c);
      const to = Math.min(ranges[k]![1], d);
      if (from < to) out.push([from, to]);
    }
  }
  return out;
}

export function createExtractor(options: ExtractorOptions = {}): Extractor {
  const geoparser = loadGeoparser({ demonyms: options.demonyms ?? true, userPlaces: options.userPlaces });
  // Text written in capitals is read in ordinary case: names, places and sentences are told by case.
  const gazetteer = geoparser.gazetteer;
  const caseLexicon = englishCaseLexicon(gazetteer.commonWords, (words) => gazetteer.has(foldName(words)), gazetteer.firstNames, (words) => gazetteer.findCountry(words) !== undefined);
  const read = (text: string, from: number) => readingCase(text, caseLexicon, from);
  const components: PipelineComponent[] = [
    ...englishStagesBeforePlaces,
    {
      name: 'places',
      // No publication profile (`source`): a document's events must not depend on what was read
      // before it. Only sentences in scope are read. A country given with the document (not learnt
      // here) is the focus of ambiguous names.
      apply: (doc) => {
        // The station or agency in the dateline's brackets ("(RADIO CADENA SONORA)", "(VOZ DE
        // HONDURAS NETWORK)") filed the report: its words are not read for places.
        const agency = datelineAgencySpan(doc.text, doc.bodyStart);
        let ranges: [number, number][] | undefined = doc.scope ? scopedTextRanges(doc) : undefined;
        if (agency) ranges = withoutSpan(ranges ?? [[doc.bodyStart, doc.text.length]], agency);
        // Nor is the dateline place's country in brackets ("MEXICO CITY (MEXICO), 18 NOV 89 --"): the
        // dateline itself votes for it below.
        const span = datelinePlaceSpan(doc.text, doc.bodyStart);
        const filedIn = datelineCountrySpan(doc.text, doc.bodyStart, span);
        if (filedIn) ranges = withoutSpan(ranges ?? [[doc.bodyStart, doc.text.length]], filedIn);
        // A wire report filed from a town ("SAN SALVADOR, 3 JAN 90 --") is, unless its other names
        // say otherwise, about that town's country: the dateline votes for it like a country cue.
        const filed = span ? geoparser.parse(doc.text, { from: span[0], ranges: [span] }).find((p) => p.start === span[0] && p.end === span[1] && !p.demonym) : undefined;
        const unknownNames = new UnknownNames();
        let found = geoparser.parseWithCues(doc.text, { from: doc.bodyStart, ranges, focusCountry: doc.meta.country, standIns: true, cueCountry: filed?.entry.countryCode || undefined, unknownNames });
        // A text given no country whose places name one country written in another script (Arabic,
        // Cyrillic, Ethiopic: transliterated.tsv), or whose people, party or force (a country cue: "Oromo
        // protesters") names it, is read again with that country's spellings, which only a name the
        // gazetteer lacks looks up ("Dokuchaevsk" for Dokuchayevsk, "Naqamte" for Nekemte); its readings
        // get no focus weight. (Only when such a name is one of that country's places: else the reading
        // would be the same.)
        if (doc.meta.country === undefined) {
          const story = mainCountry(found.places, found.cues);
          if (story !== undefined && schemeForCountry(story) !== undefined && geoparser.spellsAnyOf(story, unknownNames)) {
            found = geoparser.parseWithCues(doc.text, { from: doc.bodyStart, ranges, spellingCountry: story, standIns: true, cueCountry: filed?.entry.countryCode || undefined });
          }
        }
        doc.places.push(...found.places);
        doc.places.sort((a, b) => a.start - b.start);
        doc.countryCues.push(...found.cues);
        // The sentences just before an event's, out of scope, read for the scene they may set:
        // only when an event asks for them (see Doc.scenePlaces), in the light of the country the
        // places read so far name.
        const scene = agency ? withoutSpan(sceneRanges(doc), agency) : sceneRanges(doc);
        // (The country the places read so far name, for the scene and the dateline: counted once.)
        const placesCountry = scene.length > 0 || span ? mainCountry(doc.places) ?? doc.meta.country : undefined;
        if (scene.length > 0) {
          doc.readSceneWith((wanted) => {
            const ranges = clipped(scene, wanted);
            return ranges.length === 0 ? [] : geoparser.parseWithCues(doc.text, { from: doc.bodyStart, ranges, focusCountry: placesCountry }).places.filter((p) => !p.demonym);
          });
        }
        // The dateline's place, read alone (its sentence may be out of scope) in the light of the
        // country the other places name. When that country is the one the place was read in without
        // it (or there is none), the reading stands: a focus only adds to the scores of its own
        // country's readings, so the best reading stays the best, and only the entry is used.
        if (span) {
          doc.dateline = filed && (placesCountry === undefined || placesCountry === filed.entry.countryCode)
            ? filed
            : geoparser.parseWithCues(doc.text, { from: span[0], ranges: [span], focusCountry: placesCountry }).places.find((p) => p.start === span[0] && p.end === span[1] && !p.demonym);
        }
      },
    },
    // A capital standing for its government ("Washington said") is not a place of the story.
    { name: 'metonymy', apply: dropGovernmentMetonyms },
    // "marched in the capital": the story's country's capital.
    { name: 'capital', apply: (doc) => addCapitalReferences(doc, geoparser.gazetteer) },
    ...englishStagesAfterPlaces,
  ];
  const budget = budgetFrom(options.budgetMs);
  return {
    components,
    extract(source, opts) {
      const doc = createDoc(source, read);
      const started = budget > 0 ? performance.now() : 0;
      const eventsOnly = opts?.eventsOnly === true;
      for (const c of components) {
        c.apply(doc);
        if (budget > 0 && performance.now() - started > budget) throw new DocumentBudgetError(budget, c.name, doc.text.length);
        if (eventsOnly && c.tellsNoEvent?.(doc)) return { doc, events: [] };
      }
      return { doc, events: assembleEvents(doc) };
    },
  };
}
