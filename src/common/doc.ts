// The shared document that every pipeline stage annotates, in the manner of spaCy's Doc:
// the original text never changes; stages add spans (UTF-16 offsets into `text`).

export interface Span {
  start: number;
  end: number;
}

export interface DocMeta {
  /** Publication date, YYYY-MM-DD, when known. */
  date?: string;
  title?: string;
  source?: string;
  url?: string;
  /**
   * The country the document is known to be about (a feed's or a collection's country, or the
   * user's hint), as a name or ISO code: ambiguous place names are read there first.
   */
  country?: string;
}

export type TokenKind = 'word' | 'number' | 'punct' | 'symbol';

export interface Token extends Span {
  text: string;
  /** Lower-cased text (no other folding) for lexicon look-ups. */
  lower: string;
  kind: TokenKind;
  /** First character is an upper-case letter. */
  upper: boolean;
  /** Index of the sentence holding the token. */
  sentence: number;
  /** Whitespace (or start of text) precedes the token. */
  spaceBefore: boolean;
  /** `lower`'s bucket in lexicon filters (common/word-set), computed once: most look-ups stop there. */
  bucket: number;
}

export interface Sentence extends Span {
  /** Index of the first token and one past the last. */
  firstToken: number;
  endToken: number;
}

/** A date or time expression, resolved against the publication date. */
export interface DateMention extends Span {
  text: string;
  /** Resolved day, YYYY-MM-DD (middle of the window for vague expressions). */
  date: string;
  /** ACLED time_precision: 1 day, 2 week-like window, 3 month. */
  precision: 1 | 2 | 3;
  /** Which pattern produced it (for explanations). */
  rule: string;
  /** The day something was said or reported ("told CNN on Friday"), not the day of the event. */
  reporting?: boolean;
  /** Vaguer than a month ("in 2014", "last year"): ACLED records no event from it. */
  vague?: boolean;
  /** A month that starts a period counted to the present ("since late April"): no event's day. */
  periodStart?: boolean;
  /** A year that ranks the event told among that year's ("the deadliest attack in 2018"): no event's date, nor background. */
  comparison?: boolean;
}

/** A number or quantity: "seven", "at least 28", "dozens". */
export interface Quantity extends Span {
  text: string;
  value: number;
  /** "at least", "more than", "about", "up to", or none. */
  modifier?: 'at-least' | 'more-than' | 'about' | 'up-to' | 'at-most';
  /** Vague quantities ("several", "dozens") carry the word that made them. */
  vague?: boolean;
}

export interface GazetteerEntry {
  name: string;
  /** ISO 3166-1 alpha-2 */
  countryCode: string;
  country: string;
  admin1?: string;
  admin2?: string;
  latitude: number;
  longitude: number;
  /** city | admin1 | country | region */
  feature: 'city' | 'admin1' | 'admin2' | 'country' | 'region';
  population?: number;
  geonameid?: number;
  /**
   * A place of this country the gazetteer does not know (a namesake abroad read as the story's own
   * place, see resolve.ts): its coordinates are the country's, ACLED's geo_precision 3.
   */
  unlocated?: boolean;
}

export interface PlaceMention extends Span {
  text: string;
  /** Demonyms ("Syrian") name a country but are not event locations. */
  demonym?: boolean;
  /** A demonym written as the country's name: "a US soldier", "the UK embassy" (a nationality, as "an American soldier"). */
  countryName?: boolean;
  entry: GazetteerEntry;
  score: number;
  alternatives?: { entry: GazetteerEntry; score: number }[];
  /** Named with the region that holds it: "Baragoi, Samburu", "Kaita village (Mbili, Ngaoundaye)" (Baragoi, Kaita). */
  heldIn?: boolean;
  /** Names the region that holds the place named before it (Samburu, Ngaoundaye): where, not the place itself. */
  holds?: boolean;
}

/** A name that points to a country without being a place of it ("FACA", "Oromo", "woreda"). */
export interface CueMention extends PlaceMention {
  /** An armed group or force, which may act abroad: its country is where it comes from. */
  group: boolean;
}

export interface ActorMention extends Span {
  text: string;
  /** Key into the actor dictionary. */
  actorId: string;
  /** ACLED inter code 1-8 (before country resolution of generic actors). */
  inter: number;
  /** Generic actors ("police", "protesters") are named per country at assembly. */
  generic?: boolean;
}

export interface TriggerMention extends Span {
  text: string;
  /** Lexicon class: an ACLED sub-event type, or a class whose type depends on the actors
   * (violence, clash, protest, protest-intervention, protest-excessive, riot-conduct, mob, note). */
  cls: string;
  /** Event type and sub-event type when the class fixes them (empty otherwise). */
  eventType: string;
  subEventType: string;
  /** Tactic phrase when the trigger names a weapon or method ("car bomb"). */
  tactic?: string;
  /** Negated, hypothetical, threatened or planned: not an event. */
  irrealis?: boolean;
  /** The setting of another event ("amid violence following anti-government demonstrations"). */
  background?: boolean;
  /** Rank in ACLED's precedence (higher wins). */
  rank: number;
  /** Tells its event only of an armed side ("rebels camped in the village"; displaced people camping tell none). */
  armedSide?: boolean;
  /** What stands before it suffered it, as in a passive ("their vehicle hit a mine"). */
  suffered?: boolean;
}

/**
 * A crowd's event, by trigger class: the gathering (a demonstration, its cause); how it went, which is
 * never what it was about (forces intervened, used excessive force, it became a riot); and the crowd's
 * own violence (a riot, its conduct, a mob).
 */
export const CROWD_GATHERING: readonly string[] = ['protest', 'protest-cause'];
export const CROWD_OUTCOME: readonly string[] = ['protest-intervention', 'protest-excessive', 'riot'];
export const CROWD_VIOLENCE: readonly string[] = ['riot', 'riot-conduct', 'mob'];
/** Every trigger class of a crowd's event. */
export const CROWD_EVENT: ReadonlySet<string> = new Set([...CROWD_GATHERING, ...CROWD_OUTCOME, ...CROWD_VIOLENCE]);

export interface Attribution extends Span {
  text: string;
  /** Who said it ("the SDF", "CNN"). */
  reporter: string;
  /** Span of the reporter's name. */
  reporterSpan: Span;
  /** The region of text the attribution covers (usually its sentence or clause). */
  scope: Span;
  /** The source is a party's own outlet ("Voice of Jihad"): its tolls are not coded (ACLED 4.2). */
  partisan?: boolean;
}

/** A reported figure: "at least seven fighters ... were killed", "killing 28 militants". */
export interface Figure extends Span {
  text: string;
  /** killed | injured | arrested | abducted | escaped | displaced */
  kind: string;
  value: number;
  /** Span of the number itself. */
  quantity: Span;
  /** Who the figure counts ("fighters from US-allied Syrian Democratic Forces"), when said. */
  subject?: Span;
  /** A description of the one counted, told beside the subject ("X, candidate of the M-19, died"): who he is, no side of the event. */
  described?: Span;
  /** The figure is a total for the whole incident ("death toll", "in total"). */
  total?: boolean;
  /** A coder's explicit statement of the figure to code ("Fatalities coded as 0", "split across 3 events (4)"). */
  coded?: boolean;
  /** Deaths only feared ("eight people are feared dead"): counted when no confirmed figure is told. */
  feared?: boolean;
}

export class Doc {
  readonly tokens: Token[] = [];
  readonly sentences: Sentence[] = [];
  readonly dates: DateMention[] = [];
  readonly quantities: Quantity[] = [];
  readonly places: PlaceMention[] = [];
  /** Countries the text points to without naming a place ("FACA soldiers", "the woreda"), in text order. */
  readonly countryCues: CueMention[] = [];
  /**
   * The place a wire dateline names ("SAN SALVADOR, 3 JAN 90 --"), read on its own: where the report
   * was filed, the event's place only when the text places it nowhere below its country.
   */
  dateline?: PlaceMention;
  /**
   * Reads the places of stretches of the text out of scope (sorted character ranges), set by the
   * places stage; see scenePlacesIn.
   */
  private sceneReader: ((ranges: [number, number][]) => PlaceMention[]) | undefined;
  private readonly sceneRead = new Map<string, PlaceMention[]>();
  /** How scenePlacesIn reads (set by the places stage). */
  readSceneWith(reader: (ranges: [number, number][]) => PlaceMention[]): void {
    this.sceneReader = reader;
    this.sceneRead.clear();
  }
  /**
   * Places of the sentences out of scope just before an event's (see locales/en/scope's
   * SCENE_SENTENCES) that start in [start, end), read only as the scene they may set for an event
   * the text places nowhere else ("Inside the stadium in Sydney, ... Before the match, refugees
   * staged a protest"). Read when first asked for, and only there: most events are placed without.
   */
  scenePlacesIn(start: number, end: number): readonly PlaceMention[] {
    if (!this.sceneReader) return [];
    const key = `${start}-${end}`;
    let places = this.sceneRead.get(key);
    if (!places) this.sceneRead.set(key, (places = this.sceneReader([[start, end]]).filter((p) => p.start >= start && p.start < end)));
    return places;
  }
  readonly actors: ActorMention[] = [];
  readonly triggers: TriggerMention[] = [];
  readonly attributions: Attribution[] = [];
  readonly figures: Figure[] = [];

  /**
   * Sentences later stages need to look at (1 = in scope), set by the scope stage once triggers are
   * known; null means the whole document. Event extraction reads only sentences that report
   * something and their neighbours, which keeps it fast on long articles.
   */
  scope: Uint8Array | null = null;

  /**
   * The text reads as comment (an opinion column, an editorial, a letter, an analysis) rather than a
   * news report, set by the genre stage: its events are background to an argument, not reports.
   */
  commentary = false;

  constructor(
    readonly id: string,
    /**
     * The text as read: the document's text, or for text written in capitals the same text in
     * ordinary case (common/reading-case). Same length: every offset points into both.
     */
    readonly text: string,
    readonly meta: DocMeta = {},
    /** Where the article body starts (after a header such as `date 2022-01-24`). */
    readonly bodyStart = 0,
    /** The document's original text, as given (evidence quotes it). */
    readonly original: string = text,
  ) {
    if (original.length !== text.length) throw new Error('Doc: the text as read must keep the original text\'s offsets');
  }

  /** The text of a span as read (see `text`). */
  slice(span: Span): string {
    return this.text.slice(span.start, span.end);
  }

  /** The text of a span as the document gives it. */
  quote(span: Span): string {
    return this.original.slice(span.start, span.end);
  }

  /** Whether the sentence is in scope (see `scope`). */
  inScope(sentence: number): boolean {
    return this.scope === null || this.scope[sentence] === 1;
  }

  /** Token index ranges [first, end) of the sentences in scope, merged where adjacent. */
  scopedTokenRanges(): [number, number][] {
    if (this.scope === null) return this.tokens.length > 0 ? [[0, this.tokens.length]] : [];
    const ranges: [number, number][] = [];
    for (let i = 0; i < this.sentences.length; i++) {
      if (this.scope[i] !== 1) continue;
      const s = this.sentences[i]!;
      const last = ranges[ranges.length - 1];
      if (last && last[1] === s.firstToken) last[1] = s.endToken;
      else ranges.push([s.firstToken, s.endToken]);
    }
    return ranges;
  }

  /** Index of the sentence containing the offset (binary search). */
  sentenceAt(offset: number): number {
    const s = this.sentences;
    let lo = 0;
    let hi = s.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (s[mid]!.end <= offset) lo = mid + 1;
      else if (s[mid]!.start > offset) hi = mid - 1;
      else return mid;
    }
    return Math.max(0, Math.min(lo, s.length - 1));
  }
}

/** A pipeline stage adds annotations to the document. */
export interface PipelineComponent {
  readonly name: string;
  apply(doc: Doc): void;
  /**
   * After this stage, whether the document is seen to tell no event at all (later stages cannot
   * change it): a caller that wants only the events stops there (see Extractor.extract's eventsOnly).
   */
  tellsNoEvent?(doc: Doc): boolean;
}

/**
 * The lower-cased text of token i, or '' outside the array. (Reading tokens[-1] would be a property
 * look-up, and V8 throws away code optimised before it saw one.)
 */
export function lowerAt(tokens: readonly Token[], i: number): string {
  return i >= 0 && i < tokens.length ? tokens[i]!.lower : '';
}

/**
 * Index of the token that holds `offset` or is the first after it (the first whose end is past it);
 * the last token when none is (binary search on the tokens' ends).
 */
export function tokenIndexAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first span (sorted by start) that starts after `offset`; the length if none does. */
export function firstStartingAfter(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Spans (sorted by start) whose start lies in [from, to): binary search, no scan of the whole list. */
export function spansStartingIn<T extends Span>(spans: readonly T[], from: number, to: number): T[] {
  const lo = firstStartingAfter(spans, from - 1);
  const out: T[] = [];
  for (let i = lo; i < spans.length && spans[i]!.start < to; i++) out.push(spans[i]!);
  return out;
}
