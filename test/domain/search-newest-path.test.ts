import { describe, expect, it } from 'vitest';
import {
  mayWalk,
  newestPath,
  pathCosts,
  rumOrderRows,
  WALK_MAX_ROWS,
  walkRows,
} from '../../src/domain/search/newestPath.ts';

// The estimates of bench/search-paths.ts at 1M cases and the way that was fastest there
// (docs/performance.md, "Word search at 1M: which way"): words in 11 %, 3 %, 1 % and 0.4 % of cases.
const M = 1_000_000;
const words = { 物业: 108_559, 被骗: 29_290, 名邸: 9_631, 南京: 4_151 };
const province = { total: M, scopeRows: M, filtered: false };
const city = { total: M, scopeRows: 114_819, filtered: false }; // 南京市
const county = { total: M, scopeRows: 23_018, filtered: false }; // 鼓楼区

describe('newestPath: which way to the newest 500 matches where RUM is installed', () => {
  it('walks the btree for a very common word in the province and in a city', () => {
    // 物业: walk 11 ms, RUM 54 ms (province); walk 41 ms, RUM order 74 ms, bitmaps 52 ms (city).
    expect(newestPath({ ...province, wordRows: words.物业, matches: 108_559 }, 500)).toBe('btree');
    expect(newestPath({ ...city, wordRows: words.物业, matches: 12_511 }, 500)).toBe('btree');
  });

  it("insists on the RUM order for other words in a city (3–20 ms; the planner's bitmaps 23–85 ms)", () => {
    for (const wordRows of [words.被骗, words.名邸, words.南京])
      expect(newestPath({ ...city, wordRows }, 500), String(wordRows)).toBe('rumOrder');
    expect(rumOrderRows(M, 114_819, 500)).toBe(4_355);
    expect(newestPath({ ...province, wordRows: words.被骗 }, 500)).toBe('rumOrder'); // 8–9 ms either
  });

  it("leaves a county's search to the planner: its scope's bitmap is small", () => {
    // 物业 in 鼓楼区: planner 56 ms, RUM order 278 ms; 被骗: 8 ms against 148 ms.
    expect(newestPath({ ...county, wordRows: words.物业, matches: 2_508 }, 500)).toBe('rum');
    for (const wordRows of [words.被骗, words.名邸, words.南京])
      expect(newestPath({ ...county, wordRows }, 500), String(wordRows)).toBe('rum');
  });

  it('never insists on the RUM order when other filters thin the matches', () => {
    const costs = pathCosts({ ...city, wordRows: words.被骗, filtered: true }, 500);
    expect(costs.rumOrder).toBeUndefined();
    expect(newestPath({ ...city, wordRows: words.被骗, filtered: true }, 500)).toBe('rum');
  });

  it('without the scope or word estimates: the walk within WALK_MAX_ROWS rows, else the planner', () => {
    expect(newestPath({ total: M, matches: 104_352, filtered: false }, 500)).toBe('btree');
    expect(newestPath({ total: M, matches: 12_248, filtered: false }, 500)).toBe('rum');
    expect(
      newestPath({ total: -1, scopeRows: 10, wordRows: 10, matches: 500_000, filtered: false }, 500),
    ).toBe('rum'); // a table never analysed
    expect(newestPath({ total: M, filtered: false }, 500)).toBe('rum');
  });

  it('expects the walk to read the whole table when there are fewer matches than the window', () => {
    expect(walkRows(M, 300, 500)).toBe(M);
    expect(walkRows(M, 100_000, 500)).toBe(5_000);
    // A small table: any way is cheap.
    expect(newestPath({ total: WALK_MAX_ROWS * 2, matches: 1_000, filtered: true }, 500)).toBe('btree');
  });

  it('asks the planner for the matches only about words in at least 5 % of all cases (their statistics)', () => {
    expect(mayWalk(0.105, 500)).toBe(true); // 物业
    expect(mayWalk(0.03, 500)).toBe(false); // 被骗: never the walk, whatever the scope
    expect(mayWalk(0.05, 500)).toBe(true);
    expect(mayWalk(0.03, 200)).toBe(true); // a smaller window: the walk stops sooner
  });
});
