// @vitest-environment happy-dom
// 进度查询 (portal, no login): with the case number and query code the page offers what the server
// lists (评价 here), and the rating is sent with the same number and code.
import './setup.ts';
import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../web/shared/i18n.ts';
import QueryPage from '../../web/portal/pages/Query.tsx';
import { button, renderPage } from './render.tsx';

const view = {
  caseNumber: '32010620260000041',
  state: 'delivered',
  stateName: '已送达',
  subject: '反映小区供暖不达标',
  receivedAt: '2026-10-18T02:00:00.000Z',
  unit: '南京市鼓楼区信访局',
  steps: [{ at: '2026-10-18T02:00:00.000Z', label: '登记', unit: '南京市鼓楼区信访局' }],
  reply: { outcome: '支持', text: '责成供热单位十日内整改。', at: '2026-11-01T02:00:00.000Z' },
  evaluation: { status: 'pending', rated: false },
  availableActions: [
    { action: 'rate', label: '评价' },
    { action: 'request_review', label: '申请复查' },
  ],
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the public query page', () => {
  it('rates with the case number and query code', async () => {
    const posted: { url: string; body: unknown }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = String(input);
        const json = (b: unknown) =>
          new Response(JSON.stringify(b), { headers: { 'content-type': 'application/json' } });
        if (init?.method === 'POST') {
          posted.push({ url, body: JSON.parse(String(init.body)) });
          return json({
            ...view,
            evaluation: { status: 'rated', rated: true },
            availableActions: [{ action: 'request_review', label: '申请复查' }],
            steps: [...view.steps, { at: '2026-11-05T02:00:00.000Z', label: '评价（凭查询码）', unit: null }],
          });
        }
        return json(view);
      }),
    );
    const { user } = renderPage(<QueryPage />, { url: '/?caseNumber=32010620260000041&code=abc234' });
    await user.click(button(/^查\s*询$/));
    expect(await screen.findByText('反映小区供暖不达标')).toBeTruthy();
    await user.click(button(/^评\s*价$/));
    const group = async (label: string) =>
      (await screen.findAllByLabelText(label)).find((e) => e.querySelector('input'));
    await user.click((await group('对信访部门的评价'))?.querySelectorAll('label')[0] as HTMLElement); // 满意
    await user.click((await group('对责任单位的评价'))?.querySelectorAll('label')[1] as HTMLElement); // 基本满意
    await user.click(button(/^提\s*交$/));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toEqual({
      url: '/api/v1/public/cases/32010620260000041/actions',
      body: { action: 'rate', bureauRating: 'satisfied', unitRating: 'basically_satisfied', code: 'abc234' },
    });
    expect(await screen.findByText('您已评价该事项')).toBeTruthy();
    expect(screen.getByText('评价（凭查询码）')).toBeTruthy();
    expect(screen.queryByText(/^评\s*价$/, { selector: 'button, button *' })).toBeNull();
  });
});
