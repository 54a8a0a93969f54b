// @vitest-environment happy-dom
// 积案 page: the seven standards with their evidence and sign-offs, the plan, and only the actions
// the server offers; signing a standard posts that action and the page shows the answer.
import './setup.ts';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../web/shared/i18n.ts';
import BacklogDetailPage from '../../web/console/backlog/Detail.tsx';
import { ME_KEY } from '../../web/shared/session.ts';
import { meOf } from './me.ts';
import { button, queryButton, renderPage } from './render.tsx';

const reviewer = meOf({
  id: 9,
  role: 'reviewer',
  displayName: '鼓楼区信访局审核人',
  unit: { id: 3, name: '鼓楼区信访局', kind: 'bureau' },
  jurisdiction: { code: '320106', name: '鼓楼区', scopePrefix: '320106' },
});

const NAMES = ['认定恰当', '标识准确', '程序完整', '要件齐全', '实体合理', '结案合规', '审核严谨'];
const KEYS = ['identification', 'flagging', 'procedure', 'documents', 'substance', 'closure', 'review'];

const matter = (signedProcedure: boolean) => ({
  id: 5,
  caseId: 801,
  caseNumber: '3201062026000801',
  subject: '拆迁安置补偿款长期未落实',
  jurisdictionCode: '320106',
  status: 'identified',
  statusName: '化解中',
  source: 'system',
  ruleHits: [{ rule: 'open_days', label: '受理后200天未化解' }],
  level: 'county',
  levelName: '县级',
  deadline: '2027-03-01',
  proposedAt: null,
  identifiedAt: null,
  resolvedAt: null,
  updatedAt: '2026-12-01T00:00:00.000Z',
  reason: '久拖未决',
  responsibleUnit: { id: 7, name: '鼓楼区住房和城乡建设局' },
  proposingUnit: '鼓楼区信访局',
  approvingUnit: '南京市信访局',
  proposedBy: null,
  identifiedBy: null,
  resolvedBy: null,
  daysOpen: 12,
  notes: [],
  plan: {
    status: { total: 1, done: 0, overdue: 0, label: '推进中' },
    steps: [
      {
        id: 1,
        title: '核实补偿标准',
        ownerName: '王科长',
        ownerUnit: null,
        dueDate: '2027-01-10',
        doneAt: null,
        overdue: false,
      },
    ],
  },
  progress: [],
  standards: KEYS.map((key, i) => ({
    key,
    name: NAMES[i],
    hint: '说明',
    evidence: i < 3 ? `${NAMES[i]}佐证` : null,
    evidenceBy: i < 3 ? '鼓楼区信访局督查员' : null,
    evidenceAt: null,
    signedBy: i < 2 || (i === 2 && signedProcedure) ? '鼓楼区信访局审核人' : null,
    signedAt: i < 2 || (i === 2 && signedProcedure) ? '2026-12-01T00:00:00.000Z' : null,
    met: i < 2 || (i === 2 && signedProcedure),
  })),
  standardsMet: signedProcedure ? 3 : 2,
  packages: [],
  availableActions: [
    { action: 'add_step', label: '添加方案步骤' },
    { action: 'add_progress', label: '记录进展' },
    { action: 'record_evidence', label: '填写标准佐证' },
    { action: 'sign_standard', label: '审核签字' },
  ],
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('backlog matter page', () => {
  it('shows the checklist and signs a standard off', async () => {
    let signed = false;
    const fetch = vi.fn(async (url: string, init?: RequestInit) => {
      // The experts panel (积案化解督导): none assigned.
      if (url.includes('caseId=')) return Response.json({ items: [], canAssign: false });
      if (init?.method === 'POST') signed = true;
      return Response.json(matter(signed));
    });
    vi.stubGlobal('fetch', fetch);
    renderPage(<BacklogDetailPage />, {
      path: '/backlog/:id',
      url: '/backlog/5',
      cache: [[ME_KEY, reviewer]],
    });
    expect(await screen.findByText('七条标准（2/7）')).toBeTruthy();
    expect(screen.getByText('化解方案（推进中）')).toBeTruthy();
    expect(screen.getByText('受理后200天未化解')).toBeTruthy();
    // Not offered by the server: no 认定 or 销号 buttons.
    expect(queryButton('认定积案')).toBeNull();
    expect(queryButton('申请销号')).toBeNull();
    expect(queryButton('我来包案')).toBeNull();
    // 程序完整 has evidence and is waiting for a signature; the four without evidence have none to sign.
    const signs = screen.getAllByText('审核签字', { selector: 'button span' });
    expect(signs).toHaveLength(1);
    fireEvent.click(button('审核签字'));
    await waitFor(() =>
      expect(fetch).toHaveBeenCalledWith(
        '/api/v1/backlog/5/actions',
        expect.objectContaining({
          method: 'POST',
          body: JSON.stringify({ action: 'sign_standard', standard: 'procedure' }),
        }),
      ),
    );
    expect(await screen.findByText('七条标准（3/7）')).toBeTruthy();
  });
});
