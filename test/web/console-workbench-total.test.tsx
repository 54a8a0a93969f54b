// @vitest-environment happy-dom
// 工作台: a list the server stopped counting at its cap (`totalCapped`, 10,000 by default) shows
// "10,000+" in the table's title, the pager and the tab badge; an exact total shows as it is.
import './setup.ts';
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../web/shared/i18n.ts';
import WorkbenchPage from '../../web/console/pages/Workbench.tsx';
import { ME_KEY } from '../../web/shared/session.ts';
import { meOf } from './me.ts';
import { renderPage } from './render.tsx';

const registrar = meOf({
  id: 2,
  role: 'registrar',
  displayName: '江苏省登记员',
  unit: { id: 1, name: '江苏省信访局', kind: 'bureau' },
  jurisdiction: { code: '320000', name: '江苏省', scopePrefix: '32' },
});

const row = {
  id: 41,
  caseNumber: '32010620260000041',
  state: 'registered',
  stateName: '已登记',
  form: 'online',
  formName: '网上信访',
  purpose: 'claim',
  subject: '小区电梯长期停运',
  jurisdictionCode: '320106',
  jurisdictionName: '鼓楼区',
  currentUnitId: 1,
  assignedUnitId: null,
  receivedAt: '2026-03-02T01:00:00.000Z',
  dueAt: null,
  daysRemaining: null,
  dueFlag: null,
  flags: {
    firstTime: true,
    repeatCount: 0,
    isGroup: false,
    skippedLevel: false,
    backlog: false,
    supervised: false,
    groupSuspect: false,
  },
};

afterEach(() => {
  vi.unstubAllGlobals();
});

/** The registrar's queues (GET /api/v1/workbench/queues): 待受理 past the cap, 办理中 exactly 1,234. */
const queues = {
  landing: 'pending',
  scope: 'unit',
  items: [
    {
      key: 'pending',
      label: '待受理',
      hint: '',
      params: { state: 'registered,forwarded', unitId: '1' },
      count: 10_000,
      countCapped: true,
    },
    {
      key: 'handling',
      label: '办理中',
      hint: '',
      params: { state: 'handling' },
      count: 1234,
      countCapped: false,
    },
  ],
};

/** GET /api/v1/cases as the server answers it for those queues. */
function stubApi() {
  const fetch = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://localhost');
    const body = url.pathname.endsWith('/workbench/queues')
      ? queues
      : url.pathname.endsWith('/workbench/views')
        ? { items: [] }
        : url.searchParams.get('state') === 'handling'
          ? { items: [], total: 1234, totalCapped: false }
          : url.searchParams.get('state') === 'registered,forwarded'
            ? { items: [row], total: 10_000, totalCapped: true }
            : { items: [], total: 0, totalCapped: false };
    return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('workbench list total', () => {
  it('shows "10,000+" for a capped list and the exact number otherwise', async () => {
    const fetch = stubApi();
    renderPage(<WorkbenchPage />, { cache: [[ME_KEY, registrar]] });
    expect(await screen.findByText('小区电梯长期停运')).toBeTruthy();
    expect(await screen.findByText('待受理（共 10,000+ 件）')).toBeTruthy();
    expect(screen.getByText('共 10,000+ 件')).toBeTruthy(); // the pager
    // Tab badges: the capped count and the exact one.
    expect(document.querySelector('sup[title="10,000+"]')).toBeTruthy();
    expect(document.querySelector('sup[title="1,234"]')).toBeTruthy();
    expect(fetch).toHaveBeenCalled();
  });
});
