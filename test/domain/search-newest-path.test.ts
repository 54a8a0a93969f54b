import { describe, expect, it } from 'vitest';
import { mayWalk, newestPath, WALK_MAX_ROWS, walkRows } from '../../src/domain/search/newestPath.ts';

// The figures of bench/search-paths.ts at 1M cases (docs/performance.md, "Word search at 1M").
describe('newestPath: which way to the newest 500 matches where RUM is installed', () => {
  it('walks the btree for a word in a tenth of the province, RUM for the same word in a city or county', () => {
    expect(newestPath(1_000_000, 104_352, 500)).toBe('btree'); // admin, 物业: 12 ms vs RUM 54–81 ms
    expect(newestPath(1_000_000, 12_248, 500)).toBe('rum'); // 南京市: the walk would read ≈ 41k rows
    expect(newestPath(1_000_000, 2_114, 500)).toBe('rum'); // 鼓楼区: ≈ 236k rows
  });

  it('takes RUM for rarer words even province-wide, and when the estimates are unknown', () => {
    expect(newestPath(1_000_000, 29_303, 500)).toBe('rum'); // 被骗: walk 20 ms, RUM 8–10 ms
    expect(newestPath(-1, 500_000, 500)).toBe('rum'); // a table never analysed
    expect(newestPath(1_000_000, 0, 500)).toBe('rum');
  });

  it('expects the walk to read the whole table when there are fewer matches than the window', () => {
    expect(walkRows(1_000_000, 300, 500)).toBe(1_000_000);
    expect(walkRows(1_000_000, 100_000, 500)).toBe(5_000);
    expect(newestPath(WALK_MAX_ROWS * 2, 1_000, 500)).toBe('btree'); // a small table: any way is cheap
  });

  it('asks the planner only about words in at least 5 % of all cases (their statistics)', () => {
    expect(mayWalk(0.105, 500)).toBe(true); // 物业
    expect(mayWalk(0.03, 500)).toBe(false); // 被骗: RUM whatever the scope
    expect(mayWalk(0.05, 500)).toBe(true);
    expect(mayWalk(0.03, 200)).toBe(true); // a smaller window: the walk stops sooner
  });
});
