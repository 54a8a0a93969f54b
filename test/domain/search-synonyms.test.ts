// Synonym expansion of query tokens (src/domain/search/synonyms.ts): longest run first, multi-word
// terms, a word in two groups, groups that expand nothing, and the editor's checks.
import { describe, expect, it } from 'vitest';
import {
  checkTerms,
  compileDictionary,
  expandedTerms,
  expandTokens,
  isExpanded,
} from '../../src/domain/search/synonyms.ts';

// A stand-in tokenizer: terms are written with spaces between their words.
const tokens = (term: string) => term.split(' ').filter(Boolean);
const dict = compileDictionary(
  [
    ['拆迁', '征收', '征地 拆迁'],
    ['征地', '土地 征收'],
    ['欠薪', '拖欠 工资', '讨薪'],
    ['孤词'],
    ['同', '同'],
  ],
  tokens,
);

describe('expandTokens', () => {
  it('replaces a word of a group by the whole group and leaves other words alone', () => {
    const q = expandTokens(['拆迁', '补偿'], dict);
    expect(q).toEqual([[['拆迁'], ['征收'], ['征地', '拆迁']], [['补偿']]]);
    expect(isExpanded(q)).toBe(true);
    expect(expandedTerms(q)).toEqual(['拆迁', '征收', '征地', '补偿']);
  });

  it('matches the longest run of words first (征地 拆迁 is a term of the 拆迁 group)', () => {
    expect(expandTokens(['征地', '拆迁'], dict)).toEqual([[['拆迁'], ['征收'], ['征地', '拆迁']]]);
    expect(expandTokens(['征地', '补偿'], dict)[0]).toEqual([['征地'], ['土地', '征收']]);
  });

  it('finds a two-word term in a query', () => {
    expect(expandTokens(['工地', '拖欠', '工资'], dict)).toEqual([
      [['工地']],
      [['欠薪'], ['拖欠', '工资'], ['讨薪']],
    ]);
    // the first word of a term alone is not the term
    expect(expandTokens(['拖欠', '货款'], dict)).toEqual([[['拖欠']], [['货款']]]);
  });

  it('expands nothing without a match, or with groups of one distinct term', () => {
    const q = expandTokens(['孤词', '同', '其他'], dict);
    expect(isExpanded(q)).toBe(false);
    expect(q).toEqual([[['孤词']], [['同']], [['其他']]]);
  });

  it('joins the groups that share a term', () => {
    const shared = compileDictionary(
      [
        ['a', 'b'],
        ['a', 'c'],
      ],
      tokens,
    );
    expect(expandTokens(['a'], shared)).toEqual([[['a'], ['b'], ['c']]]);
  });
});

describe('checkTerms', () => {
  it('trims, normalises and removes repeats', () => {
    expect(checkTerms([' 拆迁 ', '征收', '拆迁', 'ＡＢ'])).toEqual({ terms: ['拆迁', '征收', 'AB'] });
  });
  it('needs two distinct terms of at most 20 characters, at most 20 of them', () => {
    expect(checkTerms(['拆迁', ' 拆迁'])).toHaveProperty('error');
    expect(checkTerms(['拆迁', '长'.repeat(21)])).toHaveProperty('error');
    expect(checkTerms(Array.from({ length: 21 }, (_, i) => `词${i}`))).toHaveProperty('error');
  });
});
