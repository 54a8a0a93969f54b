// @vitest-environment happy-dom
// Content categories in the browser come from the one catalogue (src/domain/categories.ts): the
// registrar's 内容分类 offers 其他 and no longer 组织人事, and the admin 分类 page lists all 16 with
// their codes, a department to route to for the 15 the classifier suggests, and none for 其他.
import './setup.ts';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import '../../web/shared/i18n.ts';
import { CONTENT_CATEGORIES } from '../../src/domain/categories.ts';
import CategoriesPage from '../../web/console/admin/Categories.tsx';
import RegisterPage from '../../web/console/pages/Register.tsx';
import { ME_KEY } from '../../web/shared/session.ts';
import { dictionaryEntry } from './dictionaryFixture.ts';
import { meOf } from './me.ts';
import { renderPage } from './render.tsx';

const staff = (role: string, roleName: string) =>
  meOf({
    id: 2,
    role,
    roleName,
    displayName: '鼓楼区',
    unit: { id: 7, name: '南京市鼓楼区信访局', kind: 'bureau' },
    jurisdiction: { code: '320106', name: '鼓楼区', scopePrefix: '320106' },
  });

describe('content categories', () => {
  it('offers the catalogue in the registration form: 其他 yes, 组织人事 no', async () => {
    const { user } = renderPage(<RegisterPage />, {
      url: '/?form=letter',
      cache: [[ME_KEY, staff('registrar', '登记员')]],
    });
    const select = await screen.findByLabelText('内容分类');
    await user.click(select);
    await user.paste('其他');
    expect(await screen.findByTitle('以上类别都不合适的事项')).toBeTruthy();
    await user.clear(select);
    await user.paste('组织人事');
    expect(await screen.findByText('暂无数据', { selector: '.ant-empty-description' })).toBeTruthy();
  });

  it('offers the 细分类 of the chosen category when the dictionary has some, and only then', async () => {
    const entry = dictionaryEntry;
    const { user } = renderPage(<RegisterPage />, {
      url: '/?form=letter',
      cache: [
        [ME_KEY, staff('registrar', '登记员')],
        [
          ['categoryDictionary'],
          {
            version: 1,
            entries: [
              entry('010100', '010000', 2, '住房保障'),
              entry('010101', '010100', 3, '公租房'),
              entry('010102', '010100', 3, '廉租房', true),
            ],
          },
        ],
      ],
    });
    const select = await screen.findByLabelText('内容分类');
    expect(screen.queryByLabelText('细分类')).toBeNull();
    const pick = async (name: string) => {
      await user.click(select);
      await user.paste(name);
      const c = CONTENT_CATEGORIES.find((x) => x.name === name);
      await user.click(await screen.findByTitle(c?.description ?? ''));
    };
    await pick('城乡建设');
    const sub = await screen.findByLabelText('细分类');
    await user.click(sub);
    expect(await screen.findByTitle('住房保障 / 公租房')).toBeTruthy();
    expect(screen.queryByTitle('住房保障 / 廉租房')).toBeNull(); // retired
    await user.keyboard('{Escape}');
    // The subject names a 细分类: offered in one click, and gone once one is chosen.
    await user.type(screen.getByLabelText('标题'), '申请公租房多年未分配');
    expect(await screen.findByText('文中有“公租房”')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '采用建议：住房保障 / 公租房' }));
    await waitFor(() =>
      expect(document.querySelector('.ant-select-selection-item[title="住房保障 / 公租房"]')).toBeTruthy(),
    );
    expect(screen.queryByText('文中有“公租房”')).toBeNull();
    // 环境保护 has none: the field goes.
    await pick('环境保护');
    await waitFor(() => expect(screen.queryByLabelText('细分类')).toBeNull());
  });

  it('lists the 16 categories on the admin page, routing only the suggested ones', async () => {
    const catalogue = {
      categories: CONTENT_CATEGORIES.map((c) => ({
        code: c.code,
        name: c.name,
        description: c.description,
        suggested: c.suggested,
        defaultDepartment: c.department,
        keywordCount: c.suggested ? 2 : 0,
        keywords: c.suggested ? ['甲', '乙'] : [],
      })),
      departments: [
        { key: 'xinfang', name: '信访局' },
        { key: 'zhujian', name: '住建局' },
      ],
    };
    const routing = Object.fromEntries(CONTENT_CATEGORIES.map((c) => [c.name, c.department]));
    renderPage(<CategoriesPage />, {
      cache: [
        [ME_KEY, staff('admin', '管理员')],
        [['categories'], catalogue],
        [['routing', '320106'], { routing }],
        [['categoryDictionary'], { version: 0, entries: [] }],
      ],
    });
    expect(await screen.findByText(/共 16 类/)).toBeTruthy();
    // The routing table is the first card; the second lists the 二、三级 dictionary under the same codes.
    const [routingCard] = document.querySelectorAll('.ant-card');
    const table = within(routingCard as HTMLElement);
    const other = table.getByText('990000').closest('tr') as HTMLElement;
    expect(within(other).getByText('其他')).toBeTruthy();
    expect(within(other).getByText('不作分类建议，由登记人选择')).toBeTruthy();
    const building = table.getByText('010000').closest('tr') as HTMLElement;
    expect(within(building).getAllByLabelText('城乡建设承办部门').length).toBeGreaterThan(0);
    expect(screen.queryByText('组织人事')).toBeNull();
  });
});
