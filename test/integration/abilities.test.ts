// GET /auth/me `abilities` against what the server does: for every demo account, each ability that
// has a route of its own is asked of that route — false ⇒ 403, true ⇒ not 403. The console shows a
// menu entry, page or button exactly on these abilities (web/console/App.tsx), so a mismatch here is
// a page that answers 403 or a permission the console hides.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Abilities } from '../../src/auth/contract.ts';
import { ABILITY_RULES } from '../../src/policies/abilities.ts';
import { demoAccounts } from '../../src/seed/demo.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

type Name = keyof Abilities;
type Probe = { method?: 'GET' | 'PUT' | 'POST'; url: (code: string) => string; body?: unknown };

/** One request per ability whose route asks exactly that ability's policy. */
const PROBES: Partial<Record<Name, Probe[]>> = {
  backlog: [{ url: () => '/backlog' }],
  backlogLedger: [{ url: () => '/backlog/ledger' }],
  mediation: [{ url: () => '/mediation/referrals' }, { url: () => '/mediation/bodies' }],
  mediationCounts: [{ url: () => '/mediation/indicators?from=2026-01-01&to=2026-12-31' }],
  experts: [{ url: () => '/experts' }],
  linkage: [{ url: () => '/linkage/referrals' }, { url: () => '/relief/rules' }],
  linkageDesk: [{ url: () => '/linkage/referrals/counts' }, { url: () => '/relief/totals' }],
  sanwu: [{ url: () => '/sanwu/criteria' }],
  campaigns: [{ url: () => '/campaigns' }],
  projects: [{ url: () => '/projects' }],
  supervision: [{ url: () => '/supervision' }],
  assessment: [{ url: () => '/assessment/scorecard?period=2026' }],
  assessmentUnitHistory: [{ url: () => '/assessment/records' }],
  receptions: [{ url: () => '/receptions' }],
  rightsCards: [{ url: () => '/cards' }],
  videoReception: [{ url: () => '/video/rooms' }],
  hallCounter: [{ url: () => '/hall/queue' }],
  hallDisplay: [{ url: () => '/hall/display' }],
  cannedReplies: [{ url: () => '/canned-replies' }],
  monitoring: [{ url: () => '/monitoring/daily' }],
  monitoringThresholds: [{ method: 'PUT', url: (code) => `/monitoring/thresholds/${code}`, body: {} }],
  dispatch: [{ url: () => '/dispatch/agenda' }],
  dispatchTasks: [{ url: () => '/tasks/mine' }],
  reports: [{ url: () => '/reports' }, { url: () => '/bulletins' }],
  analytics: [{ url: () => '/warnings' }, { url: () => '/analytics/indicators' }],
  audit: [{ url: () => '/audit' }],
  administration: [{ url: () => '/users' }],
  // 2099 is a year the platform does not ship; an empty list clears it (nothing to recompute).
  holidayCalendar: [{ method: 'PUT', url: () => '/calendar/years/2099', body: { days: [] } }],
  // A preview stores nothing.
  categoryDictionary: [
    {
      method: 'POST',
      url: () => '/categories/dictionary/import',
      body: { csv: '一级分类,二级分类\n城乡建设,住房保障\n', dryRun: true },
    },
  ],
  // No model is stored here: the lexicon serves before and after.
  classifierActivate: [
    { method: 'POST', url: () => '/classify/models/active', body: { version: 'lexicon' } },
  ],
};

const staff = demoAccounts().filter((a) => a.role !== 'citizen');
const citizen = demoAccounts().find((a) => a.role === 'citizen');

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.loginAll(demoAccounts().map((a) => a.username));
});
afterAll(async () => {
  await h?.close();
});

async function abilitiesOf(username: string) {
  const res = await h.app.inject({ url: '/api/v1/auth/me', headers: h.as(username) });
  expect(res.statusCode).toBe(200);
  return res.json().user as { abilities: Abilities; jurisdiction: { code: string } | null };
}

describe('abilities in /auth/me', () => {
  it('lists every ability of the table, each a boolean, in the response schema', async () => {
    expect(Object.keys(ABILITY_RULES).sort()).toEqual(Object.keys(Abilities.shape).sort());
    const me = await abilitiesOf('gl_registrar');
    expect(Object.keys(me.abilities).sort()).toEqual(Object.keys(Abilities.shape).sort());
    for (const v of Object.values(me.abilities)) expect(typeof v).toBe('boolean');
    // The session check and the login answer carry them too (the pages read /auth/session).
    const session = await h.app.inject({ url: '/api/v1/auth/session', headers: h.as('gl_registrar') });
    expect(session.json().user.abilities).toEqual(me.abilities);
  });

  it.each(staff.map((a) => a.username))('%s: an ability false is a 403, true is not', async (username) => {
    const me = await abilitiesOf(username);
    const code = me.jurisdiction?.code ?? '320000';
    const wrong: string[] = [];
    for (const [name, probes] of Object.entries(PROBES) as [Name, Probe[]][]) {
      for (const p of probes) {
        const res = await h.app.inject({
          method: p.method ?? 'GET',
          url: `/api/v1${p.url(code)}`,
          headers: h.as(username),
          ...(p.body !== undefined ? { payload: p.body as object } : {}),
        });
        const forbidden = res.statusCode === 403;
        if (forbidden === me.abilities[name] || res.statusCode >= 500)
          wrong.push(
            `${name} ${me.abilities[name]}: ${p.method ?? 'GET'} ${p.url(code)} → ${res.statusCode}`,
          );
      }
    }
    expect(wrong).toEqual([]);
  });

  it('gives the roles what the console showed them (spot checks across levels and units)', async () => {
    const gl = {
      registrar: (await abilitiesOf('gl_registrar')).abilities,
      handler: (await abilitiesOf('gl_handler')).abilities,
      supervisor: (await abilitiesOf('gl_supervisor')).abilities,
      admin: (await abilitiesOf('gl_admin')).abilities,
      auditor: (await abilitiesOf('gl_auditor')).abilities,
    };
    const njAdmin = (await abilitiesOf('nj_admin')).abilities;
    const province = (await abilitiesOf('admin')).abilities;
    const njLeader = (await abilitiesOf('nj_leader')).abilities;
    // A bureau registrar registers and works the hall; a department handler registers what is sent
    // to its department, works matters and backlog, but has no hall, no 日监测 and no linkage desk.
    expect(gl.registrar).toMatchObject({
      register: true,
      hallCounter: true,
      rightsCardCheck: true,
      linkageStart: true,
    });
    expect(gl.handler).toMatchObject({
      register: true,
      backlog: true,
      linkage: true,
      mediationReferHeld: true,
    });
    expect(gl.handler).toMatchObject({
      hallCounter: false,
      monitoring: false,
      linkageDesk: false,
      experts: false,
    });
    expect(gl.supervisor).toMatchObject({
      supervisionRaise: true,
      dispatchChair: true,
      backlogPropose: true,
    });
    expect(gl.supervisor).toMatchObject({
      backlogOthersPackages: true,
      register: false,
      administration: false,
    });
    expect(njLeader).toMatchObject({ backlogOthersPackages: false, linkageEdit: true, reportIssue: true });
    // Administrators: no 我的待办 (they own no decisions); thresholds of their own subtree; only the
    // province one enters the holiday calendar and sets the assessment scheme.
    expect(gl.admin).toMatchObject({
      administration: true,
      dispatchTasks: false,
      monitoringThresholds: true,
    });
    expect(gl.admin).toMatchObject({ holidayCalendar: false, assessmentScheme: false, audit: true });
    expect(njAdmin).toMatchObject({ holidayCalendar: false, monitoringThresholds: true });
    expect(province).toMatchObject({
      holidayCalendar: true,
      assessmentScheme: true,
      categoryDictionary: true,
      classifierActivate: true,
    });
    expect(njAdmin.categoryDictionary).toBe(false);
    expect(njAdmin.classifierActivate).toBe(false);
    // An auditor reads the audit log and nothing else.
    const auditorTrue = Object.entries(gl.auditor).filter(([, v]) => v);
    expect(auditorTrue).toEqual([['audit', true]]);
  });

  it('gives the citizen only their own: registering online and booking a reception', async () => {
    const me = await abilitiesOf(citizen?.username ?? '');
    const granted = Object.entries(me.abilities)
      .filter(([, v]) => v)
      .map(([k]) => k)
      .sort();
    expect(granted).toEqual(['receptionBook', 'register']);
  });
});
