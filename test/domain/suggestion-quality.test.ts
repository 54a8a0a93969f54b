// The reading of how intake suggestions held up (src/domain/intake/suggestionQuality.ts): outcomes
// counted by group, shares over the matters, the probability bands of CONFIDENCE_BANDS, the model
// versions newest first, the most frequent corrections first.
import { describe, expect, it } from 'vitest';
import { type SuggestionOutcome, suggestionQuality } from '../../src/domain/intake/suggestionQuality.ts';

const outcome = (o: Partial<SuggestionOutcome>): SuggestionOutcome => ({
  suggestedCode: '010000',
  finalCode: '010000',
  inTopThree: true,
  decile: 9,
  modelVersion: '3',
  status: 'confirmed',
  matters: 1,
  confidenceSum: 0.95,
  ...o,
});

describe('suggestion quality', () => {
  it('weighs each outcome by its matters and splits the matters given at registration', () => {
    const q = suggestionQuality([
      outcome({ matters: 6, confidenceSum: 5.7 }),
      outcome({ finalCode: '110000', status: 'changed', decile: 6, matters: 2, confidenceSum: 1.3 }),
      outcome({
        suggestedCode: '110000',
        finalCode: '110000',
        status: 'given',
        decile: 7,
        matters: 3,
        confidenceSum: 2.4,
      }),
      outcome({
        suggestedCode: null,
        finalCode: '110000',
        inTopThree: false,
        status: 'changed',
        decile: 3,
        matters: 1,
        confidenceSum: 0.35,
      }),
    ]);
    expect(q).toMatchObject({ matters: 12, firstRight: 0.75, inTopThree: 0.9167 });
    expect(q.givenAtRegistration).toEqual({ matters: 3, firstRight: 1 });
    expect(q.byCategory).toEqual([
      { code: '010000', matters: 6, firstRight: 1, suggested: 8, precision: 0.75 },
      { code: '110000', matters: 6, firstRight: 0.5, suggested: 3, precision: 1 },
    ]);
    expect(q.corrections).toEqual([
      { suggestedCode: '010000', finalCode: '110000', matters: 2 },
      { suggestedCode: null, finalCode: '110000', matters: 1 },
    ]);
  });

  it('bands the first suggestion by its probability: ≥ 90 %, 70–90 %, 50–70 %, below', () => {
    const q = suggestionQuality([
      outcome({ decile: 9, matters: 4, confidenceSum: 3.8 }),
      outcome({ decile: 8, matters: 1, confidenceSum: 0.85, finalCode: '020000' }),
      outcome({ decile: 7, matters: 1, confidenceSum: 0.7 }),
      outcome({ decile: 5, matters: 2, confidenceSum: 1.1 }),
      outcome({ decile: 4, matters: 1, confidenceSum: 0.45, finalCode: '020000' }),
      outcome({ decile: 0, matters: 1, confidenceSum: 0.05 }),
    ]);
    expect(q.bands.map((b) => [b.key, b.matters, b.firstRight, b.meanConfidence])).toEqual([
      ['high', 4, 1, 0.95],
      ['good', 2, 0.5, 0.775],
      ['fair', 2, 1, 0.55],
      ['low', 2, 0.5, 0.25],
    ]);
  });

  it('lists the model versions newest first and the lexicon last; nothing to read gives no rates', () => {
    const q = suggestionQuality([
      outcome({ modelVersion: 'lexicon' }),
      outcome({ modelVersion: '9' }),
      outcome({ modelVersion: '12', finalCode: '020000' }),
    ]);
    expect(q.byVersion.map((v) => [v.modelVersion, v.firstRight])).toEqual([
      ['12', 0],
      ['9', 1],
      ['lexicon', 1],
    ]);
    const none = suggestionQuality([]);
    expect(none).toMatchObject({
      matters: 0,
      firstRight: null,
      inTopThree: null,
      byVersion: [],
      corrections: [],
    });
    expect(none.bands.every((b) => b.matters === 0 && b.firstRight === null)).toBe(true);
  });
});
