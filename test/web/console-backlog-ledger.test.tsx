// @vitest-environment happy-dom
// 积案化解 › 台账: the totals and 化解率 of the scope, the rates of the jurisdictions below (a click
// drills down into one), each matter with its unit, plan, standards and deadline (overdue in red),
// and the Excel export asked of the server for the scope shown.
import './setup.ts';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../web/shared/i18n.ts';
import { LedgerView } from '../../web/console/backlog/Ledger.tsx';
import { button, renderPage } from './render.tsx';

const row = {
  id: 7,
  caseId: 801,
  caseNumber: '3201062026000801',
  subject: '拆迁安置补偿款长期未落实',
  place: '鼓楼区',
  levelName: '县级',
  responsibleUnit: '鼓楼区住房和城乡建设局',
  leaders: [],
  status: 'identified',
  statusName: '化解中',
  plan: { total: 3, done: 1, overdue: 1, label: '有逾期' },
  standardsMet: 2,
  identifiedAt: '2026-09-01T02:00:00.000Z',
  deadline: '2026-11-30',
  overdue: true,
  daysOpen: 94,
  resolvedAt: null,
};

const city = {
  scope: { code: '320100', name: '南京市' },
  total: { code: '320100', name: '南京市', identified: 4, resolved: 3, open: 1, rate: 0.75 },
  byJurisdiction: [
    { code: '320106', name: '鼓楼区', identified: 2, resolved: 1, open: 1, rate: 0.5 },
    { code: '320115', name: '江宁区', identified: 2, resolved: 2, open: 0, rate: 1 },
  ],
  rows: [row],
  truncated: false,
};
const county = {
  ...city,
  scope: { code: '320106', name: '鼓楼区' },
  total: { code: '320106', name: '鼓楼区', identified: 2, resolved: 1, open: 1, rate: 0.5 },
  byJurisdiction: [city.byJurisdiction[0]],
};

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('backlog ledger', () => {
  it('shows totals, rates by jurisdiction and the matters; drills down; exports the scope shown', async () => {
    const fetch = vi.fn(async (url: string) => {
      if (url.includes('ledger.xlsx')) return new Response(new Blob(['x']), { status: 200 });
      return Response.json(url.includes('jurisdiction=320106') ? county : city);
    });
    vi.stubGlobal('fetch', fetch);
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: () => 'blob:x', revokeObjectURL: () => {} }));
    const save = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    renderPage(<LedgerView />);
    expect(await screen.findByText('南京市积案化解情况')).toBeTruthy();
    expect(screen.getByText('75.0%')).toBeTruthy();
    expect(screen.getByText('50.0%')).toBeTruthy();
    expect(screen.getByText('100.0%')).toBeTruthy();
    expect(screen.getByText('拆迁安置补偿款长期未落实').closest('a')?.getAttribute('href')).toBe(
      '/backlog/7',
    );
    expect(screen.getByText('3201062026000801').closest('a')?.getAttribute('href')).toBe('/cases/801');
    expect(screen.getByText('鼓楼区住房和城乡建设局')).toBeTruthy();
    expect(screen.getByText('有逾期 1/3')).toBeTruthy();
    expect(screen.getByText('2/7')).toBeTruthy();
    expect(screen.getByText('2026-11-30（逾期）')).toBeTruthy();

    fireEvent.click(button('江宁区'));
    fireEvent.click(button('返回本辖区'));
    fireEvent.click(button('鼓楼区'));
    expect(await screen.findByText('鼓楼区积案化解情况')).toBeTruthy();
    expect(fetch).toHaveBeenCalledWith('/api/v1/backlog/ledger?jurisdiction=320106', expect.anything());

    fireEvent.click(button('导出台账'));
    await waitFor(() =>
      expect(fetch).toHaveBeenCalledWith(
        '/api/v1/backlog/ledger.xlsx?jurisdiction=320106',
        expect.anything(),
      ),
    );
    await waitFor(() => expect(save).toHaveBeenCalled());
  });
});
