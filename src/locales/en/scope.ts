// Scope: the sentences that report something (a trigger that is not negated or planned), the
// sentence after each (a lede's source is often named there: "According to CNN, ...") and the
// title line. Later stages read only these; the rest of a long article is background.
import type { Doc, PipelineComponent } from '../../common/doc.js';

/** Short texts (summaries, notes, wire briefs) are read whole: every sentence may matter. */
const READ_WHOLE_UP_TO_SENTENCES = 6;
/** Sentences before an event's that may set its scene (where it happened). */
export const SCENE_SENTENCES = 2;

/**
 * The sentences out of scope among the SCENE_SENTENCES before each sentence that reports something,
 * as character ranges: read only for the places that may set an unplaced event's scene.
 */
export function sceneRanges(doc: Doc): [number, number][] {
  const scope = doc.scope;
  if (scope === null) return [];
  const ranges: [number, number][] = [];
  let last = -1;
  for (const t of doc.triggers) {
    if (t.irrealis) continue;
    const s = doc.sentenceAt(t.start);
    for (let k = Math.max(last + 1, s - SCENE_SENTENCES); k < s; k++) {
      if (scope[k] === 1) continue;
      const sentence = doc.sentences[k]!;
      ranges.push([sentence.start, sentence.end]);
    }
    last = Math.max(last, s);
  }
  return ranges;
}

export function markScope(doc: Doc): void {
  if (doc.sentences.length <= READ_WHOLE_UP_TO_SENTENCES) return;
  const scope = new Uint8Array(doc.sentences.length);
  for (const t of doc.triggers) {
    if (t.irrealis) continue;
    const s = doc.sentenceAt(t.start);
    scope[s] = 1;
    if (s + 1 < scope.length) scope[s + 1] = 1;
  }
  doc.scope = scope;
}

export const scopeMarker: PipelineComponent = { name: 'scope', apply: markScope };
