// Flags given at registration (`flags` of POST /cases), recorded in the registration's transaction;
// a petitioner online may give only the flags that are theirs to give (同意公开).
import type { EventBus } from '../commands/events.ts';
import { FLAG_RULES } from '../domain/flags.ts';
import { badRequest } from '../errors.ts';
import type { PlatformEvents } from '../events.ts';
import { flagPolicy } from '../policies/flags.ts';
import { applyFlags } from './record.ts';

export function subscribeFlags(events: EventBus<PlatformEvents>): void {
  events.on(
    'case.registered',
    'flags.record',
    async (w, e) => {
      const flags = [...new Set(e.input.flags ?? [])];
      if (flags.length === 0) return;
      const denied = flagPolicy.deniedAtIntake(e.actor, flags);
      if (denied.length)
        throw badRequest(
          'flag_staff_only',
          `“${denied.map((f) => FLAG_RULES[f].name).join('、')}”由工作人员标记，信访人不能自行选择`,
          'flags',
        );
      await applyFlags(w, e.actor, e.case, { set: flags, clear: [] });
    },
    5,
  );
}
