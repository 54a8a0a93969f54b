// Hotspots against the hand-made grouping of the hottest problems of ../shared/data/hot.csv
// (test/fixtures/hotspots/README.md): the floors sit between what the clustering before issue 21
// reached (coverage 0.655, adjusted Rand 0.812, 伊景园滨河苑 twice in the top ten) and what it
// reaches now (0.843, 0.962; 人才新政·补贴 whole since the topic merge), so a return to split
// problems fails here. The message board posts are
// third-party and unlicensed: read at test time from ../shared/data, never copied into the project.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readHotspotCsv, readTruthFile } from '../../src/hotspots/cli.ts';
import { clusterMessages } from '../../src/hotspots/cluster.ts';
import { evaluateAgainstTruth, type TruthReport } from '../../src/hotspots/evaluate.ts';
import { sharedData } from '../helpers/sharedData.ts';

const DATA = sharedData('hot.csv');
const TRUTH = fileURLToPath(new URL('../fixtures/hotspots/hot-truth.csv', import.meta.url));

let all: TruthReport;
let held: TruthReport;

beforeAll(() => {
  if (!fs.existsSync(DATA))
    throw new Error(
      '缺少数据 / missing ../shared/data/hot.csv: this test needs it (see ../shared/data/README.md)',
    );
  const messages = readHotspotCsv(DATA, { text: 'title,body', user: 'user', time: 'time', id: 'id' });
  const clusters = clusterMessages(messages);
  const truth = readTruthFile(TRUTH);
  all = evaluateAgainstTruth(clusters, truth);
  held = evaluateAgainstTruth(clusters, truth, 'eval2');
}, 180_000);

describe('hotspots on hot.csv against the hand-made grouping', () => {
  it('covers most of each problem in one hotspot, without mixing problems', () => {
    expect(all.problems).toBeGreaterThanOrEqual(50);
    expect(all.coverage).toBeGreaterThan(0.8);
    expect(all.adjustedRand).toBeGreaterThan(0.95);
    expect(all.purity).toBeGreaterThan(0.9);
  });

  it('does so on the problems held out from the tuning too', () => {
    expect(held.coverage).toBeGreaterThan(0.84);
    expect(held.adjustedRand).toBeGreaterThan(0.8);
  });

  it('shows no problem twice among the top ten, and each of the top five whole', () => {
    expect(all.duplicatedInTop10).toEqual([]);
    // The fifth (公积金 贷款, questions about the city's housing-fund loans) is a topic hotspot the
    // grouping does not hold as one problem (docs/hotspots.md); the four others are its problems.
    expect(all.top5.filter((t) => t.problem !== null).length).toBeGreaterThanOrEqual(4);
    for (const t of all.top5) if (t.problem !== null) expect(t.coverage, t.label).toBeGreaterThanOrEqual(0.8);
  });
});
