// The self-training flags of `classify train` and `classify eval --honest` (src/classify/selfTraining.ts).
import fs from 'node:fs';
import type { Command } from 'commander';
import { parseCsvObjects } from './csv.ts';
import type { SelfTrainInput } from './honest.ts';

export interface SelfTrainFlags {
  unlabeled?: string;
  selfTrain?: number;
  selfTrainRounds: number;
  selfTrainRatio: number;
}

export const selfTrainFlags = (cmd: Command) =>
  cmd
    .option(
      '--unlabeled <file>',
      '无类别的 CSV（同 --text 列），用于自训练 / unlabelled CSV for self-training',
    )
    .option(
      '--self-train <p>',
      '自训练：置信度 ≥ p 的无类别行加入训练（默认关）/ pseudo-label rows with probability ≥ p (off)',
      (v) => Number(v),
    )
    .option('--self-train-rounds <n>', '自训练轮数 / rounds', (v) => Number(v), 1)
    .option(
      '--self-train-ratio <r>',
      '每类伪标签至多为该类已标注行数的 r 倍（0 不限）/ per-label cap as a multiple of labelled rows',
      (v) => Number(v),
      0,
    );

/** The texts of an unlabelled CSV: the same text columns joined as for the training file. */
export function readUnlabeled(file: string, textCols: string): string[] {
  const { header, rows } = parseCsvObjects(fs.readFileSync(file, 'utf8'));
  const cols = textCols
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  const missing = cols.filter((c) => !header.includes(c));
  if (missing.length > 0) throw new Error(`--unlabeled 缺少列 / missing columns: ${missing.join(', ')}`);
  return rows
    .map((r) =>
      cols
        .map((c) => (r[c] ?? '').trim())
        .filter(Boolean)
        .join('。'),
    )
    .filter(Boolean);
}

export function selfTrainInput(opts: SelfTrainFlags, textCols: string): SelfTrainInput | undefined {
  if (opts.selfTrain === undefined && !opts.unlabeled) return undefined;
  if (!opts.unlabeled || opts.selfTrain === undefined) {
    throw new Error('--self-train 与 --unlabeled 须同时给出 / give both --self-train and --unlabeled');
  }
  if (!(opts.selfTrain > 0 && opts.selfTrain <= 1)) throw new Error('--self-train 应在 (0, 1] / in (0, 1]');
  if (!Number.isInteger(opts.selfTrainRounds) || opts.selfTrainRounds < 1) {
    throw new Error('--self-train-rounds 至少为 1 / at least 1');
  }
  return {
    unlabeled: readUnlabeled(opts.unlabeled, textCols),
    threshold: opts.selfTrain,
    rounds: opts.selfTrainRounds,
    perClassRatio: opts.selfTrainRatio,
  };
}
