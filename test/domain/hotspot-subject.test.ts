import { describe, expect, it } from 'vitest';
import { cutWords } from '../../src/classify/features.ts';
import { hotspotTitle, placeNamePattern, sharedSubject } from '../../src/domain/hotspotSubject.ts';

const lines = (texts: string[], petitioners?: string[]) =>
  texts.map((text, i) => ({ text, petitioner: petitioners?.[i] ?? `p${i}` }));

describe('what a hotspot is about, from its subject lines', () => {
  it('is the phrase the lines share once their places are taken out', () => {
    const places = placeNamePattern(['江东街道', '幕府山街道', '德积街道', '鼓楼区', '南京市']);
    expect(
      sharedSubject(
        lines(['德积街道低保资格认定', '江东街道低保资格认定', '幕府山街道低保资格认定', '江东低保资格认定']),
        { placeName: places },
      ),
    ).toBe('低保资格认定');
    // Without the place names, the street's suffix would be read as part of the matter.
    expect(sharedSubject(lines(['德积街道低保资格认定', '江东街道低保资格认定']))).toBe('街道低保资格认定');
  });

  it('takes what at least half the lines share, the longest', () => {
    const subject = sharedSubject(
      lines([
        '吴桥镇养老服务补贴未发放',
        '挹江门街道养老服务补贴未发放',
        '老旧小区加装电梯补贴迟迟未发放',
        '农业补贴发放不到位',
      ]),
      { placeName: placeNamePattern(['吴桥镇', '挹江门街道']) },
    );
    expect(subject).toBe('养老服务补贴未发放');
  });

  it('starts and ends between words when given a segmenter', () => {
    const roads = lines(['中山路沿线老旧小区改造进度缓慢', '北京西路沿线老旧小区改造进度缓慢']);
    expect(sharedSubject(roads)).toBe('路沿线老旧小区改造进度缓慢');
    expect(sharedSubject(roads, { cut: cutWords })).toBe('沿线老旧小区改造进度缓慢');
  });

  it('leaves out the words that frame a complaint, and numbers with what they count', () => {
    expect(
      sharedSubject(
        lines(['关于小区电梯长期故障的问题', '反映小区电梯长期故障', '投诉小区电梯长期故障问题']),
      ),
    ).toBe('小区电梯长期故障');
    expect(sharedSubject(lines(['3号楼电梯维修不及时', '12栋电梯维修不及时']))).toBe('电梯维修不及时');
  });

  it('is none when the lines share nothing of four characters, or only one petitioner wrote them', () => {
    expect(sharedSubject(lines(['小区停车难', '学校收费高', '道路积水']))).toBeNull();
    expect(sharedSubject(lines(['张某某低保被取消', '张某某低保被取消'], ['same', 'same']))).toBeNull();
    expect(
      sharedSubject(lines(['张某某低保被取消', '张某某低保被取消', '王五低保被取消'], ['a', 'a', 'b'])),
    ).toBe('低保被取消');
    expect(sharedSubject(lines(['只有一件的事项']))).toBeNull();
  });

  it('titles a hotspot by its phrase, with the estate it is about, else by the estate and its words', () => {
    const words = ['车位', '捆绑', '销售'];
    expect(hotspotTitle({ subject: '低保资格认定', finePlace: null, topWords: words })).toBe('低保资格认定');
    expect(hotspotTitle({ subject: '物业费上涨', finePlace: '颐和南苑', topWords: words })).toBe(
      '颐和南苑物业费上涨',
    );
    expect(hotspotTitle({ subject: '颐和南苑物业费上涨', finePlace: '颐和南苑', topWords: words })).toBe(
      '颐和南苑物业费上涨',
    );
    // A phrase that is only the estate's name says nothing of the matter.
    expect(hotspotTitle({ subject: '伊景园滨河苑', finePlace: '伊景园滨河苑', topWords: words })).toBe(
      '伊景园滨河苑车位捆绑',
    );
    expect(hotspotTitle({ subject: null, finePlace: null, topWords: words })).toBe('车位捆绑');
  });
});
