// @vitest-environment happy-dom
// 逾期办理 (console): when the server says a decision would be late (`availableActions[].late`), the
// action's form says how late and asks for 逾期原因 before anything is sent, and sends it; an action
// on time has no such field. The timeline shows a late step's days and reason.
import './setup.ts';
import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { eventDetailLines } from '../../src/domain/lifecycle/timeline.ts';
import '../../web/shared/i18n.ts';
import CaseDetailPage from '../../web/console/pages/CaseDetail.tsx';
import { ME_KEY } from '../../web/shared/session.ts';
import { letterCase, staffMember } from './caseFixture.ts';
import { button, renderPage } from './render.tsx';

const registrar = staffMember('registrar', '登记员');

const detail = letterCase({
  state: 'registered',
  stateName: '待受理',
  availableActions: [
    {
      action: 'accept',
      label: '受理',
      late: { clock: 'acceptance', clockName: '受理期限', due: '2026-11-02T15:59:59.999Z', daysLate: 3 },
    },
    { action: 'forward', label: '转送' },
  ],
});

const acceptedLate = {
  unit: '南京市鼓楼区信访局',
  late: {
    clock: 'acceptance',
    clockName: '受理期限',
    due: '2026-11-02T15:59:59.999Z',
    daysLate: 3,
    reason: '来信在收发室滞留',
  },
};

const accepted = {
  ...detail,
  state: 'accepted',
  stateName: '已受理',
  availableActions: [],
  timeline: [
    ...detail.timeline,
    {
      at: '2026-11-05T02:00:00.000Z',
      action: 'accept',
      label: '受理（逾期3日）',
      fromState: 'registered',
      toState: 'accepted',
      actorRole: 'registrar',
      detail: acceptedLate,
      // What the server sends with it: the recorded fields in words.
      lines: eventDetailLines('accept', acceptedLate),
    },
  ],
};

afterEach(() => {
  vi.unstubAllGlobals();
});

function stubApi() {
  const posted: unknown[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const json = (body: unknown) =>
      new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
    if (url.pathname.endsWith('/notifications')) return json({ items: [] });
    if (url.pathname.endsWith('/backlog')) return json({ items: [] }); // no 积案 on this case
    if (url.pathname.endsWith('/supervision')) return json({ items: [] }); // no 督办 on this case
    if (url.pathname.endsWith('/flags')) return json({ flags: [], reports: [] }); // no 事项标识
    if (url.pathname.endsWith('/cohandling')) return json({ cohandling: null }); // not 会办
    // The case page's panels of other capabilities (视频接访, 访调对接, 专家, 部门联动): none on this case.
    if (url.searchParams.has('caseId')) return json({ items: [], canRecord: false, canAssign: false });
    if (url.pathname.endsWith('/actions')) {
      posted.push(JSON.parse(String(init?.body)));
      const { related: _r, ...answer } = accepted;
      return json(answer);
    }
    return json(detail);
  });
  vi.stubGlobal('fetch', fetch);
  return posted;
}

const render = () =>
  renderPage(<CaseDetailPage />, {
    path: '/cases/:id',
    url: '/cases/41',
    cache: [
      [ME_KEY, registrar],
      [['case', 41], detail],
    ],
  });

describe('a late decision in the console', () => {
  it('asks for the reason for the delay, sends it, and shows the late step', async () => {
    const posted = stubApi();
    const { user } = render();
    await user.click(await waitFor(() => button(/^受\s*理$/)));
    expect(await screen.findByText('受理期限已于2026-11-02届满，现已逾期3日')).toBeTruthy();
    await user.click(button('确认受理'));
    expect(await screen.findByText('请填写逾期原因')).toBeTruthy();
    expect(posted).toEqual([]);
    await user.click(screen.getByLabelText('逾期原因'));
    await user.paste('来信在收发室滞留');
    await user.click(button('确认受理'));
    await waitFor(() => expect(posted).toEqual([{ action: 'accept', lateReason: '来信在收发室滞留' }]));
    expect(await screen.findByText('受理（逾期3日）')).toBeTruthy();
    expect(screen.getByText(/逾期原因：来信在收发室滞留/)).toBeTruthy();
  });

  it('an action on time asks for no reason', async () => {
    stubApi();
    const { user } = render();
    await user.click(await waitFor(() => button(/^转\s*送$/)));
    expect(await screen.findByLabelText('转送单位')).toBeTruthy();
    expect(screen.queryByLabelText('逾期原因')).toBeNull();
    expect(screen.queryByText(/现已逾期/)).toBeNull();
  });
});
