// The timeline in plain words: what a petitioner needs to know of each step (which unit, why, with
// what result), from the definitions that recorded the events (src/domain/lifecycle/timeline.ts).
import type { TFunction } from 'i18next';
import { eventPhrases } from '../../src/domain/lifecycle/timeline.ts';
import type { TimelineItem } from '../shared/types.ts';

export function describeEvent(e: TimelineItem, t: TFunction): string {
  return eventPhrases(e.action, e.detail)
    .map((p) => ('literal' in p ? p.literal : t(p.key, p.values ?? {})))
    .filter(Boolean)
    .join('。');
}
