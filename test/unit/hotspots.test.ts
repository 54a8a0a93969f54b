import { describe, expect, it } from 'vitest';
import {
  clusterMessages,
  type HotspotMessage,
  hotspotFeatures,
  placeCandidates,
} from '../../src/hotspots/cluster.ts';
import { adjustedRandIndex, purity } from '../../src/hotspots/metrics.ts';

const day = (d: number) => new Date(Date.UTC(2026, 9, d, 2));
let n = 0;
const msg = (text: string, petitioner: string, place = '320106'): HotspotMessage => ({
  id: ++n,
  text,
  place,
  petitioner,
  at: day((n % 28) + 1),
});

const fees = (estate: string, k: number) => [
  msg(
    `${estate}物业费上涨太快。${estate}物业公司今年把物业费从每平方1.2元涨到2元，没有召开业主大会。`,
    `a${k}`,
  ),
  msg(`投诉${estate}物业乱收费。${estate}的物业费突然上涨，物业公司服务却越来越差，电梯经常坏。`, `b${k}`),
  msg(`${estate}物业公司擅自提高物业费标准，业主不同意，请核查物业收费是否合规。`, `c${k}`),
  msg(`关于${estate}物业费涨价的问题。${estate}物业费涨价未经业主同意，要求物价部门查处。`, `d${k}`),
];

const unrelated = [
  msg('孩子入学问题。我家孩子今年满六岁，户口在外地，想咨询在本地上小学需要哪些材料。', 'x1'),
  msg('医保报销比例咨询。我母亲在市第一医院住院，想知道异地就医的医保报销比例是多少。', 'x2'),
  msg('养老保险补缴。本人1975年出生，中断缴纳养老保险五年，现在能否补缴。', 'x3'),
  msg('公交线路调整建议。建议增加从火车站到高新区的公交班次，早高峰太挤。', 'x4'),
  msg('退役军人优待证办理。请问退役军人优待证在哪里办理，需要带什么证件。', 'x5'),
];

describe('clusterMessages', () => {
  const a = fees('金陵花园', 1);
  const b = fees('龙江小区', 2);
  const clusters = clusterMessages([...a, ...unrelated, ...b], { placeName: () => '鼓楼区' });

  it('puts two estates’ property-fee complaints into two clusters', () => {
    expect(clusters).toHaveLength(2);
    const ids = clusters.map((c) => new Set(c.ids));
    const ofA = ids.find((s) => s.has(a[0]?.id as number));
    const ofB = ids.find((s) => s.has(b[0]?.id as number));
    expect(ofA && [...ofA].sort()).toEqual(a.map((m) => m.id).sort());
    expect(ofB && [...ofB].sort()).toEqual(b.map((m) => m.id).sort());
  });

  it('leaves unrelated messages out', () => {
    const clustered = new Set(clusters.flatMap((c) => c.ids));
    for (const m of unrelated) expect(clustered.has(m.id)).toBe(false);
  });

  it('labels each cluster with its place, estate and top word, and counts petitioners', () => {
    const labelA = clusters.find((c) => c.ids.includes(a[0]?.id as number));
    expect(labelA?.finePlace).toBe('金陵花园');
    expect(labelA?.label).toContain('鼓楼区');
    expect(labelA?.label).toContain('金陵花园');
    expect(labelA?.topWords).toContain('物业费');
    expect(labelA?.petitioners).toBe(4);
  });

  it('never joins messages of different places', () => {
    const elsewhere = fees('金陵花园', 3).map((m) => ({ ...m, place: '320104' }));
    const out = clusterMessages([...a, ...elsewhere]);
    expect(out).toHaveLength(2);
    expect(out.map((c) => c.place).sort()).toEqual(['320104', '320106']);
  });

  it('ranks many petitioners above one petitioner’s many posts', () => {
    const one = Array.from({ length: 8 }, (_, i) =>
      msg(`请加快建设滨江公园第${i}期。滨江公园规划多年迟迟未动工，请加快建设进度。`, 'same'),
    );
    const out = clusterMessages([...one, ...a]);
    expect(out[0]?.ids).toContain(a[0]?.id);
    expect(out[1]?.petitioners).toBe(1);
  });
});

describe('stored features', () => {
  it('give the same clusters, labels and counts as segmenting the text again', () => {
    const texts = [...fees('金陵花园', 4), ...unrelated, ...fees('龙江小区', 5)];
    // As the database stores them: space-joined, read back and split.
    const stored = texts.map(({ text, ...m }) => ({
      ...m,
      features: hotspotFeatures(text ?? '')
        .join(' ')
        .split(' '),
    }));
    const fromText = clusterMessages(texts, { placeName: () => '鼓楼区' });
    expect(fromText).toHaveLength(2);
    expect(clusterMessages(stored, { placeName: () => '鼓楼区' })).toEqual(fromText);
  });
});

describe('placeCandidates', () => {
  it('finds estate, road and village names without the words before them', () => {
    const c = placeCandidates('我是暮云街道丽发新城小区的业主，住在中山路旁边，老家在金鼎村');
    expect(c).toContain('丽发新城');
    expect(c).toContain('中山路');
    expect(c).toContain('金鼎村');
    expect(c.some((p) => p.startsWith('在'))).toBe(false);
  });
});

describe('agreement measures', () => {
  it('purity and adjusted Rand are 1 for the same grouping and about 0 for an unrelated one', () => {
    const truth = ['a', 'a', 'b', 'b', 'c', 'c'];
    expect(purity(['x', 'x', 'y', 'y', 'z', 'z'], truth)).toBe(1);
    expect(adjustedRandIndex(['x', 'x', 'y', 'y', 'z', 'z'], truth)).toBe(1);
    expect(adjustedRandIndex(['x', 'y', 'z', 'x', 'y', 'z'], truth)).toBeLessThan(0.1);
  });
});
