// The rules of "the same matter" and "the same place" for hotspots (src/domain/hotspotMatters.ts)
// and the batch-level place resolution built on them (src/hotspots/places.ts).
import { describe, expect, it } from 'vitest';
import { mattersOf, placeKey, placesCompatible, samePlaceName } from '../../src/domain/hotspotMatters.ts';
import { mentionedPlaces, resolvePlaces } from '../../src/hotspots/places.ts';

describe('mattersOf', () => {
  it('gives one matter for the wordings of a tie-in sale', () => {
    for (const text of [
      '开发商捆绑销售车位，不买车位就取消购房资格',
      '广铁集团强制职工购买12万的车位',
      '买房必须同时购买车位，否则不签合同',
      '开发商强买强卖',
    ])
      expect(mattersOf(text), text).toContain('捆绑销售');
    expect(mattersOf('小区车位不够，晚上停车难')).not.toContain('捆绑销售');
  });

  it('gives one matter for dust however written, and none of it for unrelated text', () => {
    expect(mattersOf('搅拌站粉尘很大')).toEqual(expect.arrayContaining(['粉尘', '搅拌站']));
    expect(mattersOf('扬尘漫天，灰尘飘进屋里')).toContain('粉尘');
    expect(mattersOf('请问公积金贷款需要什么材料')).toEqual([]);
  });
});

describe('placeKey and samePlaceName', () => {
  it('drops a generic tail but keeps short names whole, and refuses common nouns', () => {
    expect(placeKey('丽发新城小区')).toBe('丽发新城');
    expect(placeKey('中海国际社区')).toBe('中海国际');
    expect(placeKey('睿城小区')).toBe('睿城小区');
    expect(placeKey('安置小区')).toBeNull();
    expect(placeKey('城际铁路')).toBeNull();
    expect(placeKey('公交线路')).toBeNull();
    expect(placeKey('幼儿园在我村')).toBeNull();
    // 长江路沿线老旧小区: every reading before 小区 says how old, not which estate.
    for (const reading of ['路沿线老旧小区', '沿线老旧小区', '线老旧小区', '沿线老旧', '线老旧', '老旧'])
      expect(placeKey(reading)).toBeNull();
    expect(placeKey('颐和南苑')).toBe('颐和南苑');
    expect(placeKey('凉塘路')).toBe('凉塘路');
  });

  it('matches a name and its tail of three characters or more, not of two', () => {
    expect(samePlaceName('伊景园滨河苑', '滨河苑')).toBe(true);
    expect(samePlaceName('滨河苑', '伊景园滨河苑')).toBe(true);
    expect(samePlaceName('伊景园滨河苑', '河苑')).toBe(false);
    expect(samePlaceName('丽发新城', '魅力之城')).toBe(false);
  });
});

describe('placesCompatible', () => {
  it('joins a county with its city or an unknown place, never two counties', () => {
    expect(placesCompatible('320106', '320106')).toBe(true);
    expect(placesCompatible('320100', '320106')).toBe(true);
    expect(placesCompatible('320106', '320000')).toBe(true);
    expect(placesCompatible(undefined, '320106')).toBe(true);
    expect(placesCompatible('320106', '320104')).toBe(false);
    expect(placesCompatible('320106', '330106')).toBe(false);
    expect(placesCompatible('A5区', 'A5区')).toBe(true);
    expect(placesCompatible('A5区', 'A3区')).toBe(false);
  });
});

describe('resolvePlaces', () => {
  it('resolves a partial name to the full one and prefers the reading most messages use', () => {
    const out = resolvePlaces(
      [
        ['滨河苑', '园滨河苑', '景园滨河苑', '伊景园滨河苑'],
        ['滨河苑', '园滨河苑', '景园滨河苑', '伊景园滨河苑'],
        ['滨河苑', '园滨河苑', '景园滨河苑', '伊景园滨河苑'],
        ['滨河苑', '园滨河苑', '景园滨河苑', '伊景园滨河苑'],
        ['滨河苑'],
        ['丽发新城', '道丽发新城', '街道丽发新城', '云街道丽发新城'],
        ['丽发新城'],
        ['丽发新城'],
      ],
      ['A5区', 'A5区', 'A5区', 'A5区', undefined, 'A2区', 'A2区', undefined],
    );
    expect(out).toEqual([...Array(5).fill(['伊景园滨河苑']), ['丽发新城'], ['丽发新城'], ['丽发新城']]);
  });

  it('drops a name used across several counties (a kind of place, not a place)', () => {
    const out = resolvePlaces(
      [['回迁新村'], ['回迁新村'], ['回迁新村'], ['回迁新村'], ['金鼎村'], ['金鼎村']],
      ['A1区', 'A2区', 'A3区', 'A4区', 'A7县', 'A7县'],
    );
    expect(out).toEqual([[], [], [], [], ['金鼎村'], ['金鼎村']]);
  });
});

describe('mentionedPlaces', () => {
  it('finds an estate named without its suffix through its words', () => {
    const keys = [['魅力之城'], ['魅力之城'], [], []];
    // Feature lists as hotspotFeatures gives them (w: words).
    const features = [
      ['w:魅力', 'w:之城', 'w:油烟'],
      ['w:魅力', 'w:之城', 'w:烧烤'],
      ['w:万科', 'w:魅力', 'w:之城', 'w:商铺', 'w:油烟'],
      ['w:城市', 'w:魅力', 'w:提升'],
    ];
    const out = mentionedPlaces(features, keys);
    expect(out[2]).toEqual(['魅力之城']);
    // Half a name is not a mention.
    expect(out[3]).toEqual([]);
  });
});
