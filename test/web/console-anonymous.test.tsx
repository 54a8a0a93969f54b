// @vitest-environment happy-dom
// 匿名信访 (console): an anonymous letter's page says so under its subject (匿名) and shows the
// petitioner as 匿名, with no ID, phone or address.
import './setup.ts';
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../web/shared/i18n.ts';
import CaseDetailPage from '../../web/console/pages/CaseDetail.tsx';
import { ME_KEY } from '../../web/shared/session.ts';
import { letterCase, staffMember } from './caseFixture.ts';
import { renderPage } from './render.tsx';

const detail = letterCase({
  flags: {
    firstTime: true,
    repeatCount: 0,
    isGroup: false,
    skippedLevel: false,
    backlog: false,
    supervised: false,
    groupSuspect: false,
    anonymous: true,
  },
  parties: [
    { role: 'petitioner', name: '匿名', idNumber: null, phone: null, address: null, rightsCardNo: null },
  ],
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('an anonymous letter in the console', () => {
  it('is tagged 匿名 and its petitioner is 匿名', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL) => {
        const url = new URL(String(input), 'http://localhost');
        const body = /\/(notifications|backlog|supervision)$/.test(url.pathname) ? { items: [] } : detail;
        return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
      }),
    );
    renderPage(<CaseDetailPage />, {
      path: '/cases/:id',
      url: '/cases/41',
      cache: [
        [ME_KEY, staffMember('registrar', '登记员')],
        [['case', 41], detail],
      ],
    });
    const cards = await screen.findAllByText('匿名');
    expect(cards.length).toBe(2); // the tag under the subject and the 信访人 table
    const table = (await screen.findByRole('heading', { name: '信访人' })).closest(
      '.ant-card',
    ) as HTMLElement;
    expect(within(table).getByText('匿名')).toBeTruthy();
    expect(within(table).getAllByText('—').length).toBe(3); // ID, phone, address
  });
});
