// ACLED's fatality rules (codebook 4.2): the dead only, conservative figures ("at least N" → N),
// every side counted once; a reported total stands for its parts. Each figure keeps who reported it.
import type { Attribution, Doc, Figure, Span } from '../common/doc.js';
import { contrastsReports } from '../locales/en/time-reference.js';
import type { Claim, EvidenceSpan } from '../common/event.js';
import type { Frame } from './frames.js';
import { alternation } from '../common/word-pattern.js';
import casualtyWords from '../locales/en/data/casualties.json' with { type: 'json' };
import { countsNamedAgain } from '../locales/en/casualties.js';

export function evidence(doc: Doc, span: Span): EvidenceSpan {
  return { start: span.start, end: span.end, text: doc.quote(span) };
}

/** Attributions are sorted; find those whose scope covers the offset (binary search on scope start). */
export function attributionsFor(doc: Doc, offset: number): Attribution[] {
  const list = doc.attributions;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.scope.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  const out: Attribution[] = [];
  for (let i = lo; i < list.length && list[i]!.scope.start <= offset; i++) if (list[i]!.scope.end > offset) out.push(list[i]!);
  return out;
}

/**
 * Who reports what is said at `offset`: the attributions of its sentence, innermost first ("the SDF
 * via CNN"). A lede sentence in the article's own voice takes the source its paragraph goes on to cite.
 */
export function reporterAt(doc: Doc, offset: number): { reporter: string; evidence: EvidenceSpan } | undefined {
  let found = attributionsFor(doc, offset);
  let anchor = offset;
  if (found.length === 0) {
    const si = doc.sentenceAt(offset);
    const next = doc.sentences[si + 1];
    const cur = doc.sentences[si];
    // (Only a paragraph's opening sentence: further on, the next sentence's source mostly says
    // something else, "... killed 16. US Central Command confirmed that two soldiers ...", "Tehran
    // has said that it will stand by Assad".)
    const prev = doc.sentences[si - 1];
    const opensParagraph = !prev || /\n/.test(doc.text.slice(prev.end, cur?.start ?? prev.end)) || (cur !== undefined && prev.end <= doc.bodyStart);
    if (next && cur && opensParagraph && !/\n/.test(doc.text.slice(cur.end, next.start))) {
      // Only sources that open the next sentence ("According to CNN, the SDF said ...") carry back.
      found = attributionsFor(doc, next.start).filter((a) => a.start - next.start < 40);
      anchor = next.end;
    }
  }
  if (found.length === 0) return undefined;
  // Nested attributions: the innermost (the last before the statement) is the source and the outer
  // ones relayed it: "According to CNN, the SDF said ..." → the SDF (via CNN).
  const ordered = [...found].sort((a, b) => a.start - b.start);
  const before = ordered.filter((a) => a.start <= anchor);
  const primary = before[before.length - 1] ?? ordered[0]!;
  const relays = ordered.filter((a) => a !== primary && a.start < primary.start).map((a) => a.reporter).filter((r) => r !== primary.reporter);
  const reporter = relays.length > 0 ? `${primary.reporter} (via ${relays.join(', ')})` : primary.reporter;
  return { reporter, evidence: evidence(doc, primary.reporterSpan) };
}

export function figureClaim(doc: Doc, f: Figure): Claim {
  const claim: Claim = { kind: f.kind, value: f.value, evidence: evidence(doc, f) };
  if (f.subject) claim.subject = doc.text.slice(f.subject.start, f.subject.end);
  const who = reporterAt(doc, f.start);
  if (who) {
    claim.reporter = who.reporter;
    claim.reporterEvidence = who.evidence;
  }
  return claim;
}

/** The deaths an event's frames report, without counting a figure twice. */
const SUBJECT_STOP = new Set<string>(casualtyWords.figureSubjectStop);

function subjectWords(doc: Doc, f: Figure): Set<string> {
  if (!f.subject) return new Set();
  const words = doc.text.slice(f.subject.start, f.subject.end).toLowerCase().split(/[^\p{L}]+/u);
  return new Set(words.filter((w) => w.length > 2 && !SUBJECT_STOP.has(w)).map((w) => w.replace(/s$/, '')));
}

/** A toll claimed by a party's own outlet ("VoJ reported 3") is not coded (ACLED 4.2). */
export function claimedByPartisanOutlet(doc: Doc, f: Figure): boolean {
  return attributionsFor(doc, f.start).some((a) => a.partisan && a.start <= f.start + 1 && f.start - a.end < 40);
}

/**
 * A toll an armed group claims ("Al Shabaab claims 15 dead", "the militants claimed killing four"):
 * beside a figure told by others, the perpetrators' own claim is not used (codebook 4.2: conflicting
 * sources give the lowest figure; the group's higher claim is not coded). Alone, it is the figure.
 */
const CLAIM = new RegExp(`\\b(?:${alternation(casualtyWords.claimWords)})`, 'i');

export function claimedByArmedGroup(doc: Doc, f: Figure): boolean {
  for (const a of attributionsFor(doc, f.start)) {
    // (Only a claim: a group's spokesman who "said" what happened reports it.)
    if (a.start > f.start + 1 || f.start - a.end >= 40 || !CLAIM.test(a.text)) continue;
    for (const m of doc.actors) {
      if (m.start >= a.reporterSpan.end) break;
      if (m.end > a.reporterSpan.start && m.inter >= 2 && m.inter <= 4) return true;
    }
  }
  return false;
}

/** Right after a figure: "3 students killed (coded separately)", "(and 2 police - coded seperately)". */
const CODED_ELSEWHERE = new RegExp(`^\\s*(?:\\(|-|–|—)?\\s*(?:${alternation(casualtyWords.codedElsewhere, 'any')})\\b`, 'i');

/** A coder's note that the figure belongs to another event. */
function codedElsewhere(doc: Doc, f: Figure): boolean {
  return CODED_ELSEWHERE.test(doc.text.slice(f.end, f.end + 24));
}

const AGGREGATE_AT = 1000;

/**
 * "the war's death toll of up to 500,000 people": a toll in the thousands, not tied to a day in its
 * sentence, sums up a war or a campaign; it is no single event's count.
 */
function isAggregate(doc: Doc, f: Figure): boolean {
  if (f.value < AGGREGATE_AT) return false;
  const s = doc.sentences[doc.sentenceAt(f.start)];
  return !doc.dates.some((d) => s && d.start >= s.start && d.end <= s.end && d.precision === 1 && !d.reporting);
}

export function deathFigures(doc: Doc, frames: Frame[], kind = 'killed'): Figure[] {
  const all = frames.flatMap((f) => f.figures).filter((f) => f.kind === kind);
  const coded = all.filter((f) => f.coded);
  if (coded.length > 0) return [coded[coded.length - 1]!];
  let told = all.filter((f) => !claimedByPartisanOutlet(doc, f) && !isAggregate(doc, f) && !codedElsewhere(doc, f));
  const byOthers = told.filter((f) => !claimedByArmedGroup(doc, f));
  if (byOthers.length > 0 && byOthers.length < told.length) told = byOthers;
  // Deaths only feared ("eight people are feared dead") count when no death is confirmed.
  const confirmed = told.filter((f) => !f.feared);
  const figures = confirmed.length > 0 ? confirmed : told;
  const totals = figures.filter((f) => f.total);
  if (totals.length > 0) {
    const biggest = totals.reduce((a, b) => (b.value > a.value ? b : a));
    const parts = figures.filter((f) => !f.total);
    const partsSum = parts.reduce((s, f) => s + f.value, 0);
    // Conflicting reports of one toll ("10 killed, police said, while residents put the toll at
    // 25"): the lowest credible figure (ACLED codebook 4.2).
    if (parts.length > 0 && partsSum < biggest.value && conflictingReports(doc, parts, biggest)) return parts;
    if (biggest.value >= partsSum) return [biggest];
  }
  // The same figure repeated (lede and body) counts once: same value, in another sentence, about
  // the same people (a shared word in the subjects, or a subject missing).
  // One person told again by surname alone ("the MIR spokesman was gunned down. Neghme was killed")
  // is the same one death as a single death told in another sentence.
  const kept: { figure: Figure; sentence: number; words: Set<string>; namedAgain: boolean }[] = [];
  for (const f of figures) {
    const sentence = doc.sentenceAt(f.start);
    const words = subjectWords(doc, f);
    const namedAgain = countsNamedAgain(doc, f);
    const repeated = kept.some(
      (k) => k.figure.value === f.value && k.sentence !== sentence && (k.words.size === 0 || words.size === 0 || [...words].some((w) => k.words.has(w)) || namedAgain || k.namedAgain),
    );
    if (!repeated) kept.push({ figure: f, sentence, words, namedAgain });
  }
  return kept.map((k) => k.figure);
}

/** A total told against the parts in the same sentence, with a contrast between them. */
function conflictingReports(doc: Doc, parts: Figure[], total: Figure): boolean {
  const sentence = doc.sentenceAt(total.start);
  return parts.some((p) => {
    if (doc.sentenceAt(p.start) !== sentence) return false;
    const [a, b] = p.end <= total.start ? [p.end, total.start] : [total.end, p.start];
    return b > a && contrastsReports(doc.text.slice(a, b));
  });
}

export function sumFatalities(figures: Figure[]): number {
  return figures.reduce((s, f) => s + f.value, 0);
}
