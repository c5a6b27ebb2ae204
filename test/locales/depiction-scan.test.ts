// A work's story, told by an opener before the work or by the work as a telling verb's subject, is
// found by one pattern for both. Invented sentences, in ordinary case and in capitals.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tellsDepiction } from '../../src/locales/en/depiction.js';

const withCapitals = (texts: string[]) => [...texts, ...texts.map((t) => t.toUpperCase())];

test('tellsDepiction: an opener and a work, or a work and a telling verb, opening the sentence', () => {
  for (const text of withCapitals(['In the film, rebels storm the capital.', '"Throughout the novel, soldiers burn villages.', 'The series depicts a siege of the city.', '(His new movie follows a sniper who kills ten.'])) {
    assert.equal(tellsDepiction(text), true, text);
  }
  for (const text of withCapitals(['In the series of attacks, 12 people died.', 'The film-maker was shot dead in the capital.', 'Rebels in the film industry protested.', 'Police followed the suspects to the border.'])) {
    assert.equal(tellsDepiction(text), false, text);
  }
});
