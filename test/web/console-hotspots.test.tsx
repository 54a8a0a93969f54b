// @vitest-environment happy-dom
// 数据分析 › 热点问题: a hotspot merged from several parts shows how many, and on hover why — the
// same place and matter, the place, the similarity, the words they share and the cases of the
// part — with the hotspot's dates, its cases per day and the streets they came from; titled by
// what its letters say (the estate and the subject lines' shared phrase).
import './setup.ts';
import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../web/shared/i18n.ts';
import { HotspotPanel } from '../../web/console/analytics/HotspotPanel.tsx';
import { renderPage } from './render.tsx';

const hotspot = {
  label: '鼓楼区 颐和南苑 物业费 上涨',
  place: { code: '320106', name: '鼓楼区' },
  finePlace: '颐和南苑',
  topWords: ['物业费', '上涨', '业主'],
  subject: '物业费上涨',
  size: 5,
  petitioners: 5,
  previous: 1,
  growth: 4,
  score: 9.2,
  caseIds: [812, 805, 803, 801, 799],
  firstDate: '2026-10-25',
  lastDate: '2026-10-31',
  trend: { unit: 'day', counts: [1, 0, 2, 0, 0, 1, 1] },
  streets: [
    { code: '320106001', name: '宁海路街道', count: 3 },
    { code: '320106003', name: '湖南路街道', count: 1 },
    { code: '320106008', name: '下关街道', count: 1 },
  ],
  merges: [
    { reason: 'place', place: '颐和南苑', shared: ['物业费', '涨价'], similarity: 0.42, caseIds: [799] },
  ],
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('hotspot panel', () => {
  it('shows a merged hotspot with its dates, trend and the evidence of the merge', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        Response.json({ from: '2026-10-25', to: '2026-10-31', items: [hotspot], computedAt: '', read: {} }),
      ),
    );
    renderPage(<HotspotPanel filters={{ from: '2026-10-25', to: '2026-10-31', scope: '320106' }} />);
    // Titled by what its letters' subject lines share, with the estate they are about.
    expect(await screen.findByText('颐和南苑物业费上涨')).toBeTruthy();
    expect(
      screen.getByText(
        /^鼓楼区 · 宁海路街道3件、湖南路街道1件等3个街道 · 5名信访人 · 2026-10-25至2026-10-31/,
      ),
    ).toBeTruthy();
    expect(screen.getByRole('img', { name: '按日件数：1、0、2、0、0、1、1' })).toBeTruthy();
    fireEvent.mouseEnter(screen.getByText('合并1处'));
    expect(await screen.findByText('合并依据')).toBeTruthy();
    expect(screen.getByText('同一地点、同一事项')).toBeTruthy();
    expect(screen.getByText('（1件，相似度0.42）')).toBeTruthy();
    expect(screen.getByText('共同词：物业费、涨价')).toBeTruthy();
    expect(screen.getByText('#799').closest('a')?.getAttribute('href')).toBe('/cases/799');
  });
});
