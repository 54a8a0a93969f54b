// @vitest-environment happy-dom
// Content categories in the browser come from the one catalogue (src/domain/categories.ts): the
// registrar's 内容分类 offers 其他 and no longer 组织人事, and the admin 分类 page lists all 16 with
// their codes, a department to route to for the 15 the classifier suggests, and none for 其他.
import './setup.ts';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import '../../web/shared/i18n.ts';
import { CONTENT_CATEGORIES } from '../../src/domain/categories.ts';
import CategoriesPage from '../../web/console/admin/Categories.tsx';
import RegisterPage from '../../web/console/pages/Register.tsx';
import { ME_KEY } from '../../web/shared/session.ts';
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
