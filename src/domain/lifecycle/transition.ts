// The generic part of every action, pure: from the case, the definition and what its effect
// decided, the next state, the clocks (stopped, started, extended) and the columns to write. The
// engine (src/cases/engine.ts) and the daily sweep (src/jobs/deadlines.ts) both apply it.
import {
  activeDue,
  type Clocks,
  extendClock,
  isRunning,
  pauseClock,
  resumeClock,
  type StoredClock,
  startClock,
} from './clocks.ts';
import type { AnyActionDef, CasePatch, EffectResult } from './define.ts';
import type { Limits } from './limits.ts';
import type { CaseState } from './vocabulary.ts';

export interface Transition {
  state: CaseState;
  clocks: Clocks;
  dueAt: Date | null;
  patch: CasePatch;
  detail: Record<string, unknown>;
}

export function applyTransition(
  def: AnyActionDef,
  c: { state: string; clocks: Clocks },
  effect: EffectResult<Record<string, unknown>>,
  opts: { now: Date; limits?: Limits; actorUnitKind?: string },
): Transition {
  const { now } = opts;
  const clocks: Clocks = { ...c.clocks };
  const detail = { ...effect.detail };
  // Extension first (it recomputes the running handling clock), then stop, then start from now.
  if (effect.extendHandlingBy !== undefined && clocks.handling) {
    clocks.handling = extendClock(clocks.handling, effect.extendHandlingBy);
    detail.newDue = clocks.handling.due;
  }
  if (effect.pause && isRunning(clocks[effect.pause])) {
    clocks[effect.pause] = pauseClock(clocks[effect.pause] as StoredClock, now);
  }
  if (effect.resume && isRunning(clocks[effect.resume])) {
    const r = resumeClock(clocks[effect.resume] as StoredClock, now);
    clocks[effect.resume] = r.clock;
    detail.pausedDays = r.days;
    detail.newDue = r.clock.due;
  }
  for (const name of def.stops ?? []) {
    const clock = clocks[name];
    if (isRunning(clock)) clocks[name] = { ...clock, stoppedAt: now.toISOString() };
  }
  for (const name of effect.starts ?? def.starts ?? []) {
    if (!opts.limits) throw new Error(`clock ${name} needs the jurisdiction's limits`);
    clocks[name] = startClock(opts.limits, name, now);
  }
  const state: CaseState =
    effect.state ??
    (def.to === 'same'
      ? (c.state as CaseState)
      : def.to === 'by_unit'
        ? opts.actorUnitKind === 'department'
          ? 'handling'
          : 'accepted'
        : def.to);
  return { state, clocks, dueAt: activeDue(clocks), patch: effect.patch, detail };
}

/** Whether the action's timeline event is shown to the petitioner. */
export const isPublicEvent = (def: AnyActionDef, payload: unknown) =>
  typeof def.public === 'function' ? def.public(payload) : def.public;
