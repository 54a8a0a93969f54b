import { describe, expect, it } from 'vitest';
import { StaleWhileRevalidate } from '../../src/hotspots/cache.ts';

describe('hotspot answer cache (stale-while-revalidate)', () => {
  let now = 0;
  const cache = new StaleWhileRevalidate<string, number>({ freshMs: 100, staleMs: 1000, now: () => now });
  let computed = 0;
  const load = async () => ++computed;

  it('computes once, then answers from the cache while fresh', async () => {
    expect(await cache.get('k', load)).toBe(1);
    now = 50;
    expect(await cache.get('k', load)).toBe(1);
    expect(computed).toBe(1);
  });

  it('answers a stale entry at once and replaces it in the background', async () => {
    now = 500;
    expect(await cache.get('k', load)).toBe(1);
    await cache.settled();
    expect(computed).toBe(2);
    expect(await cache.get('k', load)).toBe(2);
  });

  it('waits for a new answer when the entry is too old; concurrent callers share it', async () => {
    now = 5000;
    const [a, b] = await Promise.all([cache.get('k', load), cache.get('k', load)]);
    expect([a, b]).toEqual([3, 3]);
    expect(computed).toBe(3);
  });

  it('keeps the stale answer when a background refresh fails', async () => {
    const errors: unknown[] = [];
    const c = new StaleWhileRevalidate<string, number>({
      freshMs: 100,
      staleMs: 1000,
      now: () => now,
      onRefreshError: (e) => errors.push(e),
    });
    now = 0;
    await c.get('k', async () => 7);
    now = 200;
    expect(await c.get('k', () => Promise.reject(new Error('down')))).toBe(7);
    await c.settled();
    expect(errors).toHaveLength(1);
    // Still stale: answered at once, and this time the refresh succeeds.
    expect(await c.get('k', async () => 8)).toBe(7);
    await c.settled();
    expect(await c.get('k', async () => 9)).toBe(8);
  });
});
