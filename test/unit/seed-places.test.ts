// The demo's 热点问题 are labelled with the estate, road or village most of their matters name
// (src/hotspots/cluster.ts placeCandidates, src/domain/hotspotMatters.ts placeKey). A template's own
// wording must not read as a place: it is in every matter of that template while the seeded places
// vary, so it would win the label — "分配方案未经村民会议" gave the village 配方案未经村, the subject
// "村集体资产…" after the street the village 路街道村.
import { describe, expect, it } from 'vitest';
import { placeKey } from '../../src/domain/hotspotMatters.ts';
import { placeCandidates } from '../../src/hotspots/cluster.ts';
import { createRng, type Rng } from '../../src/seed/random.ts';
import { petitionText, TEMPLATE_CODES } from '../../src/seed/templates.ts';

const place = { county: '鼓楼区', towns: ['中央门街道', '宁海路街道', '湖南路街道'] };
const FILLS = 60;

/** An Rng whose first pick (the template) is the `index`th item; `count` learns the list's length. */
function templateRng(seed: number, index: number, count: { n: number }): Rng {
  const rng = createRng(seed);
  let first = true;
  return {
    ...rng,
    pick: (items) => {
      if (!first) return rng.pick(items);
      first = false;
      count.n = items.length;
      return items[index] as (typeof items)[number];
    },
  };
}

describe('synthetic petitions name only the places the seed put in', () => {
  it('no template’s wording reads as a place in most of its matters', () => {
    const strays: string[] = [];
    for (const code of TEMPLATE_CODES) {
      const count = { n: 1 };
      for (let t = 0; t < count.n; t++) {
        const seen = new Map<string, number>();
        let subject = '';
        for (let i = 0; i < FILLS; i++) {
          const p = petitionText(templateRng(i * 31 + 7, t, count), code, place);
          subject = p.subject;
          const keys = placeCandidates(`${p.subject}。${p.content}`).map(placeKey);
          for (const k of new Set(keys)) if (k) seen.set(k, (seen.get(k) ?? 0) + 1);
        }
        for (const [key, n] of seen)
          if (n > FILLS / 2 && !place.county.includes(key)) strays.push(`${key}（${subject}）`);
      }
    }
    expect(strays).toEqual([]);
  });
});
