// @vitest-environment happy-dom
// 数据分析 › 指标明细 按细分类: the table asks for the indicators grouped by 细分类, lists each under its
// path (劳动和社会保障 / 劳动关系 / 工伤认定) in a first column wide enough for it, and a click on a
// name opens the matters behind it by that 细分类's code.
import './setup.ts';
import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../web/shared/i18n.ts';
import { IndicatorTable } from '../../web/console/analytics/IndicatorTable.tsx';
import { NO_CASES } from '../../web/shared/analytics/api.ts';
import { renderPage } from './render.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
});

const row = (key: string, label: string, total: number) => ({ ...NO_CASES, key, label, drill: false, total });

describe('指标明细 by 细分类', () => {
  it('lists the 细分类 by their paths and opens the matters behind one', async () => {
    const asked: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        asked.push(String(url));
        const bySub = String(url).includes('groupBy=subcategory');
        return Response.json({
          from: '2026-11-01',
          to: '2026-11-30',
          scope: { code: '320000', name: '江苏省' },
          totals: { ...NO_CASES, total: 30 },
          rows: bySub
            ? [
                row('020103', '劳动和社会保障 / 劳动关系 / 工伤认定', 10),
                row('010500', '城乡建设 / 房屋征收', 4),
              ]
            : [row('320100', '南京市', 30)],
        });
      }),
    );
    const onCases = vi.fn();
    renderPage(
      <IndicatorTable
        filters={{ from: '2026-11-01', to: '2026-11-30', scope: '320000' }}
        scopeName="江苏省"
        onDrill={() => {}}
        onCases={onCases}
      />,
    );
    expect(await screen.findByText('南京市')).toBeTruthy();
    fireEvent.click(screen.getByText('按细分类'));
    const name = await screen.findByText('劳动和社会保障 / 劳动关系 / 工伤认定');
    expect(asked.some((u) => u.includes('groupBy=subcategory'))).toBe(true);
    expect(screen.getByText('城乡建设 / 房屋征收')).toBeTruthy();
    // The path wraps inside its column rather than running over the figures.
    expect(name.closest('button')?.style.whiteSpace).toBe('normal');
    fireEvent.click(name);
    expect(onCases).toHaveBeenCalledWith(expect.objectContaining({ key: '020103' }), 'subcategory');
  });
});
