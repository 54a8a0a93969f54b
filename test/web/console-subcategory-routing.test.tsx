// @vitest-environment happy-dom
// 分类 › a category's 细分类 routing: each second and third level in use, following its category (or
// its second level) until one is given a department of its own — the label says which department
// that is, as edited.
import './setup.ts';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import '../../web/shared/i18n.ts';
import { SubcategoryRouting } from '../../web/console/admin/SubcategoryRouting.tsx';
import { DICTIONARY_KEY } from '../../web/console/categoryDictionary.ts';
import { dictionaryEntry } from './dictionaryFixture.ts';
import { renderPage } from './render.tsx';

const entry = dictionaryEntry;
const dictionary = {
  version: 1,
  entries: [
    entry('010200', '010000', 2, '物业管理'),
    entry('010201', '010200', 3, '物业服务质量'),
    entry('010202', '010200', 3, '物业收费'),
    entry('010400', '010000', 2, '城市管理'),
    entry('010401', '010400', 3, '违法建设', true),
    entry('020100', '020000', 2, '劳动关系'),
  ],
};
const departments = [
  { key: 'zhujian', name: '住建局' },
  { key: 'shichang', name: '市场监管局' },
];

describe('routing of a category’s 细分类', () => {
  it('lists the live ones of the category, each following its category or its second level', async () => {
    renderPage(
      <SubcategoryRouting
        categoryCode="010000"
        categoryName="城乡建设"
        routing={{ 城乡建设: 'zhujian' }}
        draft={{ 城乡建设: 'zhujian', '010200': 'shichang' }}
        onChange={() => {}}
        departments={departments}
        categoryDepartment="zhujian"
      />,
      { cache: [[DICTIONARY_KEY, dictionary]] },
    );
    expect(await screen.findByText('物业管理 / 物业收费')).toBeTruthy();
    // 物业管理 has its own (edited): its third levels follow it; 城市管理 follows the category.
    expect(screen.getAllByText('随物业管理（市场监管局）')).toHaveLength(2);
    expect(screen.getByText('随类别（住建局）')).toBeTruthy();
    // Retired entries and other categories' are not offered.
    expect(screen.queryByText('城市管理 / 违法建设')).toBeNull();
    expect(screen.queryByText('劳动关系')).toBeNull();
  });
});
