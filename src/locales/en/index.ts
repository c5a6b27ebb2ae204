// English: the language-specific stages, in pipeline order.
import type { PipelineComponent } from '../../common/doc.js';
import { actorRecogniser } from './actors.js';
import { attributionRecogniser } from './attribution.js';
import { figureRecogniser } from './casualties.js';
import { dateRecogniser } from './dates/index.js';
import { quantityRecogniser } from './quantities.js';
import { tokenizer } from './tokenizer.js';
import { triggerRecogniser } from './triggers.js';

export const englishComponents: readonly PipelineComponent[] = [
  tokenizer,
  dateRecogniser,
  quantityRecogniser,
  actorRecogniser,
  triggerRecogniser,
  attributionRecogniser,
  figureRecogniser,
];
