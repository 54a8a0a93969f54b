// `classify test`'s scoring (src/classify/heldOut.ts) with a real classifier, the built-in lexicon:
// the first suggestion against the file's category, the rank of that category among all
// suggestions, the frequent mistakes, and the categories the model cannot suggest.
import { describe, expect, it } from 'vitest';
import { scoreHeldOut } from '../../src/classify/heldOut.ts';
import { LexiconClassifier } from '../../src/classify/lexicon.ts';

const lexicon = new LexiconClassifier();

describe('a stored model scored on labelled matters (classify test)', () => {
  it('scores the first suggestion, ranks the filed category and lists the frequent mistakes', () => {
    const texts = [
      '公司拖欠工资三个月',
      '工厂排放废气污染',
      '学校乱收补课费',
      '出租车拒载',
      '工厂排放废气污染',
    ];
    // The last matter was filed under 城乡建设: the lexicon suggests 环境保护 first, 城乡建设 second.
    const labels = ['劳动和社会保障', '环境保护', '教育文体', '交通运输', '城乡建设'];
    const { report, rows } = scoreHeldOut(lexicon, texts, labels, [2, 3, 5, 8, 9]);
    expect(report).toMatchObject({ rows: 5, accuracy: 0.8, top3: 1, unknownLabels: {} });
    expect(report.perLabel.城乡建设).toMatchObject({ recall: 0, support: 1 });
    expect(report.perLabel.环境保护).toMatchObject({ precision: 0.5, recall: 1 });
    expect(report.confusions).toEqual([{ label: '城乡建设', predicted: '环境保护', rows: 1 }]);
    expect(rows[4]).toMatchObject({ row: 9, label: '城乡建设', predicted: '环境保护', rank: 2 });
    expect(rows[0]).toMatchObject({ row: 2, predicted: '劳动和社会保障', rank: 1 });
  });

  it('counts a category the model does not know as wrong, and says so', () => {
    const { report, rows } = scoreHeldOut(
      lexicon,
      ['公司拖欠工资三个月', '物业费上涨'],
      ['劳动和社会保障', '物业纠纷'],
    );
    expect(report.unknownLabels).toEqual({ 物业纠纷: 1 });
    expect(report.accuracy).toBe(0.5);
    expect(report.top3).toBe(0.5);
    expect(rows[1]).toMatchObject({ row: 2, label: '物业纠纷', rank: 0 });
  });
});
