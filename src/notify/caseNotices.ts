// SMS to the petitioner at each stage that has one (短信节点): after registration (with the query
// code), when refused again at once, and after each action whose definition names an SMS stage.
// Written to the outbox in the case's transaction; the dispatcher sends after commit.
import type { Work } from '../commands/command.ts';
import type { EventBus } from '../commands/events.ts';
import type { SmsStage } from '../domain/lifecycle/define.ts';
import { fillTemplate } from '../domain/lifecycle/notices.ts';
import type { PlatformEvents } from '../events.ts';
import { cachedSmsTemplates } from '../settings/templates.ts';
import { enqueueCitizenNotice } from '../wechat/notices.ts';

async function notify(
  w: Work,
  n: {
    caseId: number;
    caseNumber: string;
    phone?: string;
    stage: SmsStage;
    values: Record<string, string>;
    eventId: number;
  },
): Promise<void> {
  if (!n.phone) return; // no mobile: the bureau prints the notice (domain.md §7)
  const { ctx, tx } = w;
  const body = fillTemplate((await cachedSmsTemplates(ctx.db, tx))[n.stage], {
    caseNumber: n.caseNumber,
    ...n.values,
  });
  // By WeChat template message to a linked follower, else by SMS (src/wechat/notices.ts).
  await enqueueCitizenNotice(tx, ctx, {
    phone: n.phone,
    template: n.stage,
    body,
    idempotencyKey: `case:${n.caseId}:${n.stage}:${n.eventId}`,
    caseId: n.caseId,
    stage: n.stage,
  });
  w.afterCommit(() => ctx.dispatcher.kick());
}

export function subscribeCaseNotices(events: EventBus<PlatformEvents>): void {
  events.on('case.registered', 'notify.petitioner', async (w, e) => {
    const c = { caseId: e.case.id, caseNumber: e.case.caseNumber, phone: e.phone };
    await notify(w, { ...c, stage: 'registered', values: { queryCode: e.queryCode }, eventId: e.eventId });
    if (e.refusal) await notify(w, { ...c, stage: 'not_accepted', ...e.refusal });
  });
  events.on('case.acted', 'notify.petitioner', async (w, e) => {
    if (!e.notice) return;
    const { stage, values, phone } = e.notice;
    await notify(w, {
      caseId: e.after.id,
      caseNumber: e.after.caseNumber,
      phone,
      stage,
      values,
      eventId: e.eventId,
    });
  });
}
