// What happens to a matter besides its main steps: repeat petitions linked to it while open (重复信访),
// supervision (督办) of overdue matters, backlog flags (积案) on old open ones.
import { ACTIONS } from '../domain/lifecycle/actions.ts';
import type { Sim } from './sim.ts';
import type { TimelineInput } from './timeline.ts';

const DAY = 86_400_000;

/** Repeat petitions linked to the open matter, supervision of overdue ones, backlog flags. */
export function addExtras(s: Sim, i: TimelineInput, open: boolean, overdue: boolean, since: number): void {
  const { rng, now } = i;
  const bureau = i.units.bureau;
  const events = s.events;
  const event = s.note;
  const stateAt = (at: number) =>
    [...events].reverse().find((e) => e.at <= at && e.toState)?.toState ?? 'registered';
  if (rng.chance(0.07)) {
    const k = rng.chance(0.6) ? 1 : rng.int(2, 5);
    const until = s.row.closedAt ?? now;
    if (until - i.receivedAt > 2 * DAY) {
      for (let n = 0; n < k; n++) {
        s.t = i.receivedAt + DAY + rng.next() * (until - i.receivedAt - 2 * DAY);
        const form = rng.chance(0.6) ? 'online' : rng.pick(['letter', 'visit', 'phone'] as const);
        const detail = {
          form,
          receivedAt: new Date(s.t).toISOString(),
          registeringUnit: i.registeringName,
        };
        event(
          'link_repeat',
          null,
          null,
          form === 'online' ? 'citizen' : 'registrar',
          bureau.id,
          detail,
          true,
        );
        s.row.repeatCount++;
      }
    }
  }
  if (open && overdue && rng.chance(0.3)) {
    s.t = Math.min(now, since + rng.int(1, 20) * DAY);
    event(
      'supervise',
      s.state,
      s.state,
      'supervisor',
      i.units.city.id,
      { instructions: '请抓紧办理' },
      false,
    );
    s.row.supervised = true;
    s.version++;
  }
  const old = now - i.receivedAt > 150 * DAY;
  if (
    old &&
    (ACTIONS.flag_backlog.from as readonly string[]).includes(s.state) &&
    (s.row.repeatCount >= 2 || rng.chance(0.3))
  ) {
    s.t = Math.max(since, Math.min(now, i.receivedAt + 150 * DAY));
    if (stateAt(s.t) === s.state) {
      event('flag_backlog', s.state, s.state, 'supervisor', i.units.city.id, { reason: '长期未化解' }, false);
      s.row.backlog = true;
      s.version++;
    }
  }
}
