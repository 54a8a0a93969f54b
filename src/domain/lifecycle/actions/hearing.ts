// 听证 (Art 31 ¶2, Art 36): in a review or re-review the body may hold a hearing — schedule it (who,
// when, where: a notice to the petitioner), then record what was heard and the hearing's opinion.
// The review (re-review) clock is paused meanwhile: the hearing's days do not count, and the
// decision waits for the record.
import { z } from 'zod';
import { conflict } from '../../../errors.ts';
import { zDateTime } from '../../validation/fields.ts';
import { type CaseFacts, defineAction, phrase, text } from '../define.ts';
import { requiredText, textareaField } from './common.ts';

/** The clock a hearing pauses: the review's or the re-review's. */
const clockOf = (c: Pick<CaseFacts, 'state'>) => (c.state === 'rereview_requested' ? 'rereview' : 'review');
const stageOf = (c: Pick<CaseFacts, 'state'>) => (c.state === 'rereview_requested' ? '复核' : '复查');

/** Whether a hearing has been scheduled and not yet recorded (its clock is paused). */
export const hearingPending = (c: Pick<CaseFacts, 'state' | 'clocks'>) => !!c.clocks[clockOf(c)]?.pausedAt;

/** Refuses the review (re-review) decision while a hearing is pending. */
export const decideAfterHearing = {
  when: hearingPending,
  error: () => conflict('hearing_pending', '听证尚未结束，请先记录听证结果'),
};

const shanghai = (iso: string) => {
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000);
  return `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)}`;
};

export const scheduleHearing = defineAction({
  label: '安排听证',
  from: ['review_requested', 'rereview_requested'],
  to: 'same',
  roles: ['reviewer'],
  who: 'holder',
  payload: z.object({
    hearingAt: zDateTime('听证时间'),
    place: requiredText('听证地点', 100),
    participants: requiredText('参加人员', 500),
  }),
  public: true,
  blocked: { when: hearingPending, error: () => conflict('hearing_pending', '已安排听证，请先记录听证结果') },
  effect: ({ payload: p, c }) => ({
    patch: {},
    pause: clockOf(c),
    detail: {
      stage: stageOf(c),
      hearingAt: p.hearingAt,
      place: p.place,
      participants: p.participants,
    },
  }),
  document: {
    kind: 'hearing_notice',
    data: ({ payload: p, c }, base) => ({
      ...base,
      hearingStage: stageOf(c),
      hearingAt: new Date(p.hearingAt),
      hearingPlace: p.place,
      participants: p.participants,
    }),
  },
  form: [
    { name: 'hearingAt', label: '听证时间', kind: 'datetime', required: true },
    { name: 'place', label: '听证地点', kind: 'text', required: true, max: 100 },
    textareaField('participants', '参加人员', 500),
  ],
  describe: (d) => [
    phrase('{{stage}}机关决定举行听证：{{at}}，{{place}}', {
      stage: text(d.stage),
      at: d.hearingAt ? shanghai(text(d.hearingAt)) : '',
      place: text(d.place),
    }),
  ],
});

export const recordHearing = defineAction({
  label: '记录听证',
  from: ['review_requested', 'rereview_requested'],
  to: 'same',
  roles: ['reviewer'],
  who: 'holder',
  payload: z.object({ record: requiredText('听证情况'), opinion: requiredText('听证意见') }),
  public: true,
  blocked: { when: (c) => !hearingPending(c), error: () => conflict('no_hearing', '尚未安排听证') },
  async effect({ payload: p, c, ports }) {
    const scheduled = (await ports.lastEventDetail('schedule_hearing')) ?? {};
    return {
      patch: {},
      // The engine adds the paused days (pausedDays) and the new due instant (newDue).
      resume: clockOf(c),
      detail: {
        stage: stageOf(c),
        hearingAt: text(scheduled.hearingAt) || undefined,
        place: text(scheduled.place) || undefined,
        participants: text(scheduled.participants) || undefined,
        record: p.record,
        opinion: p.opinion,
        pausedDays: undefined as number | undefined, // set by the engine on resuming
      },
    };
  },
  document: {
    kind: 'hearing_record',
    data: ({ payload: p, c, effect }, base) => {
      const d = effect.detail as Record<string, unknown>;
      return {
        ...base,
        hearingStage: stageOf(c),
        hearingAt: text(d.hearingAt) ? new Date(text(d.hearingAt)) : undefined,
        hearingPlace: text(d.place) || undefined,
        participants: text(d.participants) || undefined,
        hearingRecord: p.record,
        decision: p.opinion,
      };
    },
  },
  form: [textareaField('record', '听证情况'), textareaField('opinion', '听证意见')],
  describe: (d) => [
    phrase('听证已举行，听证用时{{days}}日不计入{{stage}}期限', {
      days: typeof d.pausedDays === 'number' ? d.pausedDays : 0,
      stage: text(d.stage),
    }),
  ],
});
