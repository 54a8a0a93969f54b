// The content-category catalogue (src/domain/categories.ts) is the one list: its codes are unique
// and well formed, it is the official first level plus 其他, every classifier label and routing
// entry maps onto it, and the synthetic data draws only from it.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LEXICON, LEXICON_LABELS } from '../../src/classify/lexicon.ts';
import { DEFAULT_ROUTING, DEPARTMENT_KEYS, routingCategory } from '../../src/classify/routing.ts';
import {
  CONTENT_CATEGORIES,
  categoryByCode,
  categoryByName,
  categoryLabel,
  isCategoryCode,
  OTHER_CATEGORY_CODE,
  RETIRED_CATEGORIES,
} from '../../src/domain/categories.ts';
import { CATEGORIES as SEED_CATEGORIES } from '../../src/seed/catalog.ts';
import { TEMPLATE_CODES } from '../../src/seed/templates.ts';
import { sharedData } from '../helpers/sharedData.ts';

const TAXONOMY = sharedData('taxonomy.csv');

describe('content categories', () => {
  it('has unique, well-formed codes and names', () => {
    const codes = CONTENT_CATEGORIES.map((c) => c.code);
    const names = CONTENT_CATEGORIES.map((c) => c.name);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(names).size).toBe(names.length);
    for (const c of CONTENT_CATEGORIES) {
      expect(c.code).toMatch(/^\d{2}0000$/);
      expect(c.description.length).toBeGreaterThan(4);
      expect(DEPARTMENT_KEYS.has(c.department), c.name).toBe(true);
    }
    expect(codes).toEqual([...codes].sort());
    expect(categoryByCode(OTHER_CATEGORY_CODE)?.name).toBe('其他');
    for (const [old, { replacedBy }] of Object.entries(RETIRED_CATEGORIES)) {
      expect(isCategoryCode(old)).toBe(false);
      expect(isCategoryCode(replacedBy)).toBe(true);
    }
  });

  it('is the official first level (15 categories) plus 其他', () => {
    // The taxonomy file is third-party (no licence): read at test time only.
    if (!fs.existsSync(TAXONOMY))
      throw new Error(`缺少 / missing ${TAXONOMY} (see ../shared/data/README.md)`);
    const official = new Set(
      fs
        .readFileSync(TAXONOMY, 'utf8')
        .split(/\r?\n/)
        .slice(1)
        .map((line) => line.split(',')[0])
        .filter(Boolean),
    );
    expect(official.size).toBe(15);
    const suggested = CONTENT_CATEGORIES.filter((c) => c.suggested).map((c) => c.name);
    expect(new Set(suggested)).toEqual(official);
    expect(CONTENT_CATEGORIES.filter((c) => !c.suggested).map((c) => c.code)).toEqual([OTHER_CATEGORY_CODE]);
  });

  it('maps every classifier label and routing entry onto a code', () => {
    expect(LEXICON_LABELS).toHaveLength(15);
    for (const label of LEXICON_LABELS) {
      expect(categoryByName(label)?.suggested, label).toBe(true);
      expect(LEXICON[label].length, label).toBeGreaterThan(0);
    }
    for (const name of Object.keys(DEFAULT_ROUTING)) expect(categoryByName(name), name).toBeDefined();
    expect(routingCategory('130000', [])).toBe('环境保护');
    expect(routingCategory('环境保护', [])).toBe('环境保护');
    expect(routingCategory('组织人事', [])).toBeUndefined();
    expect(routingCategory('物业专项', ['物业专项'])).toBe('物业专项');
  });

  it('is what the seed draws from, with templates for every category', () => {
    expect(SEED_CATEGORIES.map((c) => c.code)).toEqual(CONTENT_CATEGORIES.map((c) => c.code));
    for (const c of SEED_CATEGORIES) {
      expect(c.name).toBe(categoryByCode(c.code)?.name);
      expect(c.weight).toBeGreaterThan(0);
    }
    expect([...TEMPLATE_CODES].sort()).toEqual(CONTENT_CATEGORIES.map((c) => c.code));
  });

  it('labels statistics rows, old codes included', () => {
    expect(categoryLabel('010000')).toBe('城乡建设');
    expect(categoryLabel('150000')).toBe('组织人事');
    expect(categoryLabel(null)).toBe('未分类');
    expect(categoryLabel('123')).toBe('123');
    // Names of Object.prototype are codes like any other, not members of the table.
    for (const code of ['constructor', 'toString', '__proto__']) expect(categoryLabel(code)).toBe(code);
  });
});
