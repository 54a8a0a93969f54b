// @vitest-environment happy-dom
// 听证 (console): 安排听证 asks for the time with a date-time picker, the place and the participants,
// and sends the time as ISO 8601 with its offset.
import './setup.ts';
import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../web/shared/i18n.ts';
import CaseDetailPage from '../../web/console/pages/CaseDetail.tsx';
import { ME_KEY } from '../../web/shared/session.ts';
import { letterCase, staffMember } from './caseFixture.ts';
import { button, renderPage } from './render.tsx';

const reviewer = staffMember('reviewer', '审核人');

const detail = letterCase({
  state: 'review_requested',
  stateName: '复查中',
  availableActions: [
    { action: 'schedule_hearing', label: '安排听证' },
    { action: 'decide_review', label: '出具复查意见' },
  ],
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('scheduling a hearing in the console', () => {
  it('asks for the time, place and participants and sends the time with its offset', async () => {
    const posted: Record<string, unknown>[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = new URL(String(input), 'http://localhost');
        const json = (b: unknown) =>
          new Response(JSON.stringify(b), { headers: { 'content-type': 'application/json' } });
        if (url.pathname.endsWith('/notifications')) return json({ items: [] });
        if (url.pathname.endsWith('/backlog')) return json({ items: [] }); // no 积案 on this case
        if (url.pathname.endsWith('/supervision')) return json({ items: [] }); // no 督办 on this case
        if (url.pathname.endsWith('/flags')) return json({ flags: [], reports: [] }); // no 事项标识
        if (url.pathname.endsWith('/cohandling')) return json({ cohandling: null }); // not 会办
        // The case page's panels of other capabilities (视频接访, 访调对接, 专家, 部门联动): none on this case.
        if (url.searchParams.has('caseId')) return json({ items: [], canRecord: false, canAssign: false });
        if (url.pathname.endsWith('/actions')) {
          posted.push(JSON.parse(String(init?.body)));
          const { related: _r, ...answer } = detail;
          return json(answer);
        }
        return json(detail);
      }),
    );
    const { user } = renderPage(<CaseDetailPage />, {
      path: '/cases/:id',
      url: '/cases/41',
      cache: [
        [ME_KEY, reviewer],
        [['case', 41], detail],
      ],
    });
    await user.click(await waitFor(() => button('安排听证')));
    await user.click(button('确认安排听证'));
    expect(await screen.findByText('请选择听证时间')).toBeTruthy();
    expect(await screen.findByText('请填写听证地点')).toBeTruthy();
    expect(posted).toEqual([]);
    const time = screen.getByLabelText('听证时间');
    await user.click(time);
    await user.paste('2026-12-20 09:30');
    await user.keyboard('{Enter}');
    await user.click(screen.getByLabelText('听证地点'));
    await user.paste('南京市信访局听证室');
    await user.click(screen.getByLabelText('参加人员'));
    await user.paste('信访人、鼓楼区信访局');
    await user.click(button('确认安排听证'));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toMatchObject({
      action: 'schedule_hearing',
      place: '南京市信访局听证室',
      participants: '信访人、鼓楼区信访局',
    });
    const at = new Date(String(posted[0]?.hearingAt));
    expect(String(posted[0]?.hearingAt)).toMatch(/^2026-12-20T09:30:00[+-]\d{2}:\d{2}$/);
    expect(Number.isNaN(at.getTime())).toBe(false);
  });
});
