// English: the language-specific stages, in pipeline order.
import type { PipelineComponent } from '../../common/doc.js';
import { actorRecogniser } from './actors.js';
import { attributionRecogniser } from './attribution.js';
import { figureRecogniser } from './casualties.js';
import { genreMarker } from './genre.js';
import { dateRecogniser } from './dates/index.js';
import { quantityRecogniser } from './quantities.js';
import { scopeMarker } from './scope.js';
import { senseFilter } from './senses.js';
import { tokenizer } from './tokenizer.js';
import { triggerRecogniser } from './triggers.js';

/** Stages before places: tokens, the genre (report or comment), event triggers (less those in other senses), the scope they set, dates and numbers. */
export const englishStagesBeforePlaces: readonly PipelineComponent[] = [tokenizer, genreMarker, triggerRecogniser, senseFilter, scopeMarker, dateRecogniser, quantityRecogniser];

/** Stages after places: actors, attribution, reported figures. */
export const englishStagesAfterPlaces: readonly PipelineComponent[] = [actorRecogniser, attributionRecogniser, figureRecogniser];
