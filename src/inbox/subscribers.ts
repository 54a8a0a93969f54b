// What puts a notification in staff inboxes: subscribers to the case events and to supervision
// (wired in src/capabilities.ts), each one row of src/domain/inbox/kinds.ts. They run inside the
// publishing transaction (src/inbox/deliver.ts writes the rows and the SMS).
import { and, eq, inArray } from 'drizzle-orm';
import type { Work } from '../commands/command.ts';
import type { EventBus } from '../commands/events.ts';
import { cases, jurisdictions, units, users } from '../db/schema.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import {
  ADMIN_ROLES,
  DIGEST_ROLES,
  holderRoles,
  ownAndAbove,
  SUPERVISED_ROLES,
  WARNING_ROLES,
} from '../domain/inbox/recipients.ts';
import { maskNumbersInText } from '../domain/masking.ts';
import type { Role } from '../domain/roles.ts';
import type { PlatformEvents } from '../events.ts';
import { deliver, type Notice } from './deliver.ts';

type CaseRow = PlatformEvents['cases.swept']['changes'][number]['after'];

/**
 * The 临期/逾期 message of a matter the sweep flagged, to the holder staff of its current unit; the
 * key names the due date, so a later deadline is told again. Also used by the demo seeding for the
 * matters its simulation flagged (src/seed/demoDesks.ts).
 */
export function deadlineNotice(c: CaseRow, kind: 'due_soon' | 'overdue'): Notice | null {
  if (c.currentUnitId === null || !c.dueAt) return null;
  const due = shanghaiDate(c.dueAt);
  return {
    kind,
    caseId: c.id,
    caseNumber: c.caseNumber,
    title: `${kind === 'overdue' ? '逾期' : '临期'}：${c.caseNumber}`,
    body: `${subjectOf(c.subject)}（办理期限${due}${kind === 'overdue' ? '，已逾期' : ''}）`,
    unitId: c.currentUnitId,
    roles: holderRoles(c.state),
    dedupeKey: `${kind}:${c.id}:${due}`,
  };
}

/** Actions that hand a matter to a unit (新交办), and the review requests (复查复核申请). */
const ASSIGNING = new Set(['forward', 'assign', 'assign_cohandling']);
const REVIEW_REQUESTS = new Set(['request_review', 'request_rereview']);

/** A case's subject as the inbox shows it: numbers (ID, phone) typed into it masked. */
const subjectOf = (s: string) => maskNumbersInText(s).slice(0, 80);

/**
 * The units located at these places whose active staff include one of `roles` — where a notice
 * about the place goes (deliver() then picks the staff).
 */
async function unitsWithStaff(w: Work, codes: readonly string[], roles: readonly Role[]) {
  if (codes.length === 0) return [];
  const rows = await w.tx
    .selectDistinct({ id: units.id, code: units.jurisdictionCode })
    .from(units)
    .innerJoin(users, eq(users.unitId, units.id))
    .where(
      and(
        inArray(units.jurisdictionCode, [...codes]),
        inArray(users.role, [...roles]),
        eq(users.disabled, false),
      ),
    );
  return rows;
}

export function subscribeInbox(events: EventBus<PlatformEvents>): void {
  events.on('case.acted', 'inbox.case', async (w, e) => {
    const c = e.after;
    const unitId = c.currentUnitId;
    const from = e.actor?.unitName ?? '';
    const base = { caseId: c.id, caseNumber: c.caseNumber, exceptUserId: e.actor?.userId ?? null };
    const notices: Notice[] = [];
    if (ASSIGNING.has(e.action) && unitId !== null) {
      const roles = holderRoles(c.state);
      const title = `新交办：${c.caseNumber}`;
      const body = `${from}${e.action === 'forward' ? '转送' : '交办'}：${subjectOf(c.subject)}`;
      notices.push({
        ...base,
        kind: 'assignment',
        title,
        body,
        unitId,
        roles,
        dedupeKey: `event:${e.eventId}`,
      });
      // 会办单位 file their part of the matter (src/cohandling).
      if (e.action === 'assign_cohandling')
        for (const co of c.coUnitIds ?? [])
          notices.push({
            ...base,
            kind: 'assignment',
            title: `新会办：${c.caseNumber}`,
            body: `${from}请会办：${subjectOf(c.subject)}`,
            unitId: co,
            roles: holderRoles('handling'),
            dedupeKey: `event:${e.eventId}`,
          });
    }
    if (REVIEW_REQUESTS.has(e.action) && unitId !== null) {
      const what = e.action === 'request_review' ? '复查' : '复核';
      notices.push({
        ...base,
        kind: 'review_request',
        title: `${what}申请：${c.caseNumber}`,
        body: `信访人申请${what}：${subjectOf(c.subject)}`,
        unitId,
        roles: holderRoles(c.state),
        dedupeKey: `event:${e.eventId}`,
      });
    }
    // 督办 as a lifecycle action marks the matter; the unit that holds it is told.
    if (e.action === 'supervise' && unitId !== null)
      notices.push({
        ...base,
        kind: 'supervision',
        title: `督办：${c.caseNumber}`,
        body: `${from}督办：${subjectOf(c.subject)}`,
        unitId,
        roles: SUPERVISED_ROLES,
        dedupeKey: `event:${e.eventId}`,
      });
    await deliver(w, notices);
  });

  events.on('supervision.raised', 'inbox.supervision', async (w, e) => {
    let subject = '';
    if (e.caseId !== null) {
      const [c] = await w.tx.select({ subject: cases.subject }).from(cases).where(eq(cases.id, e.caseId));
      subject = c ? `：${subjectOf(c.subject)}` : '';
    }
    await deliver(w, [
      {
        kind: 'supervision',
        caseId: e.caseId,
        caseNumber: e.caseNumber ?? '',
        supervisionId: e.orderId,
        title: `${e.typeName}：${e.caseNumber ?? '督办单'}`,
        body: `${e.actor.unitName ?? ''}${e.typeName}${subject}，请于${e.deadline}前反馈`,
        unitId: e.unitId,
        roles: SUPERVISED_ROLES,
        exceptUserId: e.actor.userId,
        dedupeKey: `supervision:${e.orderId}`,
      },
    ]);
  });

  // 临期 and 逾期: the daily sweep flags each running deadline once (near, then overdue) and
  // publishes the batch; the key names the due date, so a later deadline is told again.
  events.on('cases.swept', 'inbox.deadlines', async (w, e) => {
    const near = new Set(e.touched.near);
    const overdue = new Set(e.touched.overdue);
    const notices: Notice[] = [];
    for (const { after: c } of e.changes) {
      const kind = overdue.has(c.id) ? 'overdue' : near.has(c.id) ? 'due_soon' : null;
      const notice = kind ? deadlineNotice(c, kind) : null;
      if (notice) notices.push(notice);
    }
    await deliver(w, notices);
  });

  // 预警: each new warning to the data analysts of its place's bureau and the one above.
  events.on('warnings.raised', 'inbox.warnings', async (w, e) => {
    const places = [...new Set(e.warnings.flatMap((x) => ownAndAbove(x.jurisdictionCode)))];
    const at = await unitsWithStaff(w, places, WARNING_ROLES);
    const notices: Notice[] = [];
    for (const x of e.warnings)
      for (const u of at.filter((u) => ownAndAbove(x.jurisdictionCode).includes(u.code)))
        notices.push({
          kind: 'warning',
          caseId: null,
          caseNumber: '',
          title: x.title,
          body: `${x.level === 'high' ? '高风险' : '一般'}预警，请在“预警”页核实并签收。`,
          unitId: u.id,
          roles: WARNING_ROLES,
          dedupeKey: `warning:${x.id}`,
          at: e.at,
        });
    await deliver(w, notices);
  });

  // 日监测晨报: the bureau's leaders and analysts are told it is ready, with its counts.
  events.on('monitoring.digest_written', 'inbox.digest', async (w, e) => {
    await deliver(w, [
      {
        kind: 'monitoring_digest',
        caseId: null,
        caseNumber: '',
        title: `日监测晨报（${e.date}）`,
        body: e.text,
        unitId: e.unitId,
        roles: DIGEST_ROLES,
        dedupeKey: `monitoring_digest:${e.digestId}`,
      },
    ]);
  });

  // 账号锁定: the administrators of the account's place and of the level above.
  events.on('auth.login_locked', 'inbox.lockout', async (w, e) => {
    const at = await unitsWithStaff(w, ownAndAbove(e.jurisdictionCode), ADMIN_ROLES);
    await deliver(
      w,
      at.map((u) => ({
        kind: 'account_locked' as const,
        caseId: null,
        caseNumber: '',
        title: `账号锁定：${e.displayName}（${e.username}）`,
        body: `连续${e.failures}次登录失败（来自 ${e.ip}），该账号在此地址暂时锁定；如非本人操作，请核实并视情重置密码。`,
        unitId: u.id,
        roles: ADMIN_ROLES,
        exceptUserId: e.userId,
        dedupeKey: `account_locked:${e.userId}:${e.at.toISOString()}`,
      })),
    );
  });

  // 节假日安排待录入: the calendar is one for the province; its administrators enter it.
  events.on('calendar.coverage_missing', 'inbox.calendar', async (w, e) => {
    const provinces = await w.tx
      .select({ code: jurisdictions.code })
      .from(jurisdictions)
      .where(eq(jurisdictions.level, 1));
    const at = await unitsWithStaff(
      w,
      provinces.map((p) => p.code),
      ADMIN_ROLES,
    );
    await deliver(
      w,
      at.map((u) => ({
        kind: 'calendar_gap' as const,
        caseId: null,
        caseNumber: '',
        title: `${e.year}年节假日安排尚未录入`,
        body:
          e.reason === 'next'
            ? `${e.year}年的法定节假日和调休安排尚未录入，明年的受理、办理期限将只按周末计算。国务院办公厅公布后请在“节假日”中录入。`
            : `${e.year}年的法定节假日和调休安排尚未录入，当前的受理、办理期限只按周末计算，请尽快在“节假日”中录入。`,
        unitId: u.id,
        roles: ADMIN_ROLES,
        dedupeKey: `calendar_gap:${e.year}`,
      })),
    );
  });
}
