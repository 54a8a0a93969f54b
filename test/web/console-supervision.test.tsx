// @vitest-environment happy-dom
// 督办 page: what was ordered, the unit's feedback and the history; only the actions the server
// offers; the raising bureau accepts the feedback (a confirmation, then the POST) and the page shows
// the answer (已办结).
import './setup.ts';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../web/shared/i18n.ts';
import SupervisionDetailPage from '../../web/console/supervision/Detail.tsx';
import { ME_KEY } from '../../web/shared/session.ts';
import { meOf } from './me.ts';
import { button, queryButton, renderPage } from './render.tsx';

const supervisor = meOf({
  id: 4,
  role: 'supervisor',
  displayName: '鼓楼区信访局督查员',
  unit: { id: 3, name: '鼓楼区信访局', kind: 'bureau' },
  jurisdiction: { code: '320106', name: '鼓楼区', scopePrefix: '320106' },
});

const order = (closed: boolean) => ({
  id: 12,
  type: 'written',
  typeName: '书面督办',
  target: 'case',
  targetName: '信访事项',
  caseId: 801,
  caseNumber: '3201062026000801',
  subject: '加装电梯补贴未发放',
  unitId: 7,
  unit: '鼓楼区住房和城乡建设局',
  jurisdictionCode: '320106',
  number: '〔2026〕督字第3号',
  deadline: '2026-12-19',
  status: closed ? 'closed' : 'feedback_filed',
  statusName: closed ? '已办结' : '已反馈待审核',
  overdue: false,
  escalationLevel: 1,
  escalationName: '已催办',
  raisedAt: '2026-12-04T02:00:00.000Z',
  feedbackAt: '2026-12-10T02:00:00.000Z',
  closedAt: closed ? '2026-12-11T02:00:00.000Z' : null,
  facts: '交办后逾期未办结。',
  requirements: '限期答复信访人。',
  raisingUnit: '鼓楼区信访局',
  raisedBy: '鼓楼区信访局督查员',
  feedback: '补贴已发放到位。',
  feedbackAttachments: '发放凭证1份',
  feedbackBy: '鼓楼区住房和城乡建设局承办人',
  closedBy: closed ? '鼓楼区信访局督查员' : null,
  remindedAt: null,
  escalatedAt: null,
  letterUrl: '/api/v1/supervision/12/letter.docx',
  history: [
    {
      step: 'raise',
      label: '书面督办',
      at: '2026-12-04T02:00:00.000Z',
      by: '鼓楼区信访局督查员',
      text: '督办',
    },
    { step: 'remind', label: '已催办', at: '2026-12-09T02:00:00.000Z', by: null, text: '逾期未反馈，已催办' },
  ],
  availableActions: closed
    ? []
    : [
        { action: 'accept', label: '审核通过' },
        { action: 'return', label: '退回重报' },
      ],
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('supervision order page', () => {
  it('shows the order, the feedback and the history, and accepts the feedback', async () => {
    let closed = false;
    const fetch = vi.fn(async (_url: string, init?: RequestInit) => {
      if (init?.method === 'POST') closed = true;
      return Response.json(order(closed));
    });
    vi.stubGlobal('fetch', fetch);
    renderPage(<SupervisionDetailPage />, {
      path: '/supervision/:id',
      url: '/supervision/12',
      cache: [[ME_KEY, supervisor]],
    });
    expect(await screen.findByText('〔2026〕督字第3号')).toBeTruthy();
    expect(screen.getByText('补贴已发放到位。')).toBeTruthy();
    expect(screen.getByText('附件：发放凭证1份')).toBeTruthy();
    expect(screen.getByText('逾期未反馈，已催办')).toBeTruthy();
    expect(button('下载督办函')).toBeTruthy();
    expect(queryButton('报送反馈')).toBeNull(); // not offered to the raising bureau
    fireEvent.click(button('审核通过'));
    fireEvent.click(await screen.findByRole('button', { name: /^(OK|确\s*定)$/ }));
    await waitFor(() =>
      expect(fetch).toHaveBeenCalledWith(
        '/api/v1/supervision/12/actions',
        expect.objectContaining({ method: 'POST', body: JSON.stringify({ action: 'accept' }) }),
      ),
    );
    expect(await screen.findByText('已办结')).toBeTruthy();
    expect(queryButton('退回重报')).toBeNull();
  });
});
