// The lifecycle as one table (办理流程): every action's definition, one file each in actions/
// (see define.ts for what a definition holds). The engine (src/cases/engine.ts), the API's
// `availableActions`, the console's forms, the petitioner's timeline, the public query and
// docs/lifecycle.md all read this table.
import type { z } from 'zod';
import { accept } from './actions/accept.ts';
import { addProgress } from './actions/addProgress.ts';
import { approveExtension } from './actions/approveExtension.ts';
import { assign } from './actions/assign.ts';
import { assignCohandling } from './actions/assignCohandling.ts';
import { close, closeByLapse } from './actions/close.ts';
import { deliver } from './actions/deliver.ts';
import { expireEvaluation } from './actions/expireEvaluation.ts';
import { forward } from './actions/forward.ts';
import { recordHearing, scheduleHearing } from './actions/hearing.ts';
import { linkRepeat } from './actions/linkRepeat.ts';
import { notAccept } from './actions/notAccept.ts';
import { object } from './actions/object.ts';
import { rate } from './actions/rate.ts';
import { referChannel } from './actions/referChannel.ts';
import { rejectExtension } from './actions/rejectExtension.ts';
import { reply } from './actions/reply.ts';
import { requestExtension } from './actions/requestExtension.ts';
import { decideRereview, decideReview, requestRereview, requestReview } from './actions/review.ts';
import { settle } from './actions/settle.ts';
import { flagBacklog, supervise } from './actions/supervision.ts';
import type { AnyActionDef } from './define.ts';
import type { CaseState } from './vocabulary.ts';

export type { ActionDef, AnyActionDef, DocumentKind, SmsStage, Who } from './define.ts';

/** What people do (POST /api/v1/cases/{id}/actions), in the order of the process. */
export const ACTIONS = {
  forward,
  accept,
  not_accept: notAccept,
  refer_channel: referChannel,
  assign,
  assign_cohandling: assignCohandling,
  object,
  add_progress: addProgress,
  request_extension: requestExtension,
  approve_extension: approveExtension,
  reject_extension: rejectExtension,
  settle,
  reply,
  deliver,
  rate,
  request_review: requestReview,
  schedule_hearing: scheduleHearing,
  record_hearing: recordHearing,
  decide_review: decideReview,
  request_rereview: requestRereview,
  decide_rereview: decideRereview,
  close,
  link_repeat: linkRepeat,
  supervise,
  flag_backlog: flagBacklog,
};

/** What the platform does by itself when a clock runs out (the daily sweep), through the same engine. */
export const SYSTEM_ACTIONS = {
  close_by_lapse: closeByLapse,
  expire_evaluation: expireEvaluation,
};

export type ActionName = keyof typeof ACTIONS;
export type SystemActionName = keyof typeof SYSTEM_ACTIONS;
export const ACTION_NAMES = Object.keys(ACTIONS) as [ActionName, ...ActionName[]];
/** Own names only: `toString`, `__proto__`… are not actions. */
export const isActionName = (s: string): s is ActionName => Object.hasOwn(ACTIONS, s);
export type ActionPayload<A extends ActionName> = z.output<(typeof ACTIONS)[A]['payload']>;

/** Any definition by name, erased to the common shape (engine, presenters, docs). */
export const actionDef = (name: ActionName | SystemActionName): AnyActionDef =>
  ((ACTIONS as Record<string, unknown>)[name] ??
    (SYSTEM_ACTIONS as Record<string, unknown>)[name]) as AnyActionDef;

/** The definition a stored timeline event was recorded by (system actions record under another name). */
export function definitionOfEvent(action: string): AnyActionDef | undefined {
  return Object.hasOwn(ACTIONS, action) ? actionDef(action as ActionName) : undefined;
}

/** The states an action can lead to (for diagrams and reachability checks). */
export function possibleTargets(name: ActionName | SystemActionName): CaseState[] {
  const def = actionDef(name);
  const also = def.alsoTo ?? [];
  if (def.to === 'same') return [...also];
  if (def.to === 'by_unit') return ['accepted', 'handling', ...also];
  return [def.to, ...also];
}
