// Scope: the sentences that report something (a trigger that is not negated or planned), the
// sentence after each (a lede's source is often named there: "According to CNN, ...") and the
// title line. Later stages read only these; the rest of a long article is background.
import type { Doc, PipelineComponent } from '../../common/doc.js';

/** Short texts (summaries, notes, wire briefs) are read whole: every sentence may matter. */
const READ_WHOLE_UP_TO_SENTENCES = 6;

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
