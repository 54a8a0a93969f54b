// OCR character accuracy on letters rendered from known text (docs/ocr.md): each sample letter
// printed clean, rotated a few degrees, and "photographed" (rotated, Gaussian noise, a slight
// blur), read by the real engine (src/ocr/tesseract.ts: Debian's tesseract with chi_sim). The mean
// accuracy of each variant must stay above a floor set a little below what was measured, and the
// fields the registrar needs most must still be suggested from the clean and rotated prints.
import { describe, expect, it } from 'vitest';
import { extractLetterFields } from '../../src/domain/ocr/fields.ts';
import { OcrEngine } from '../../src/ocr/tesseract.ts';
import {
  characterAccuracy,
  type Degradation,
  printedText,
  renderLetter,
  SAMPLE_LETTERS,
} from '../helpers/letters.ts';

const engine = new OcrEngine();

const VARIANTS: { name: string; degrade: (i: number) => Degradation; floor: number }[] = [
  { name: 'clean print', degrade: () => ({}), floor: 0.95 },
  { name: 'rotated 2–3°', degrade: (i) => ({ rotate: i % 2 ? -3 : 2.5 }), floor: 0.93 },
  {
    name: 'photographed (rotated 2°, noise σ=25, blur)',
    degrade: (i) => ({ rotate: i % 2 ? 2 : -2, noise: 25, blur: 0.7, seed: 11 + i }),
    floor: 0.85,
  },
];

describe('OCR character accuracy on rendered letters', () => {
  for (const v of VARIANTS) {
    it(`${v.name}: mean accuracy ≥ ${v.floor}`, async () => {
      const scores: number[] = [];
      for (const [i, letter] of SAMPLE_LETTERS.entries()) {
        const text = await engine.recognise(renderLetter(letter, v.degrade(i)));
        scores.push(characterAccuracy(text, printedText(letter)));
        if (v.floor >= 0.9) {
          const f = extractLetterFields(text);
          expect(f.phone).toBe(letter.phone);
          expect(f.name).toBe(letter.name);
          expect(f.subject).toBe(letter.subject);
        }
      }
      const mean = scores.reduce((s, x) => s + x, 0) / scores.length;
      // The figures for docs/ocr.md.
      console.log(
        `OCR accuracy, ${v.name}: ${scores.map((s) => s.toFixed(3)).join(' ')} mean ${mean.toFixed(3)}`,
      );
      expect(mean).toBeGreaterThanOrEqual(v.floor);
    }, 120_000);
  }

  it('the accuracy measure counts what it should', () => {
    expect(characterAccuracy('关于 供暖', '关于供暖')).toBe(1);
    expect(characterAccuracy('姓名:王', '姓名：王')).toBe(1); // NFKC: the same colon
    expect(characterAccuracy('关于供', '关于供暖')).toBe(0.75);
    expect(characterAccuracy('', '关于')).toBe(0);
  });
});
