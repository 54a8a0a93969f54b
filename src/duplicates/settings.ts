// Thresholds of duplicate and group detection: defaults below, overridable per jurisdiction in the
// `settings` table under the key 'duplicates' (applies to the subtree, like the time limits).
import { z } from 'zod';
import type { Db, Executor } from '../db/client.ts';
import { settingsPolicy } from '../policies/index.ts';
import { jurisdictionSetting } from '../settings/jurisdictional.ts';

export const DuplicateSettings = z.object({
  /** Keep content candidates whose estimated Jaccard similarity is at least this (measured: docs/duplicates.md). */
  similarScore: z.number().min(0.1).max(1),
  /** Content candidates are matters received within this many days. */
  recentDays: z.number().int().min(1).max(3650),
  /** 联名/群体: at least this many different petitioners … */
  groupPetitioners: z.number().int().min(2).max(1000),
  /** … with content at least this similar … */
  groupScore: z.number().min(0.1).max(1),
  /** … about the same county within this many days. */
  groupWindowDays: z.number().int().min(1).max(365),
});
export type DuplicateSettings = z.infer<typeof DuplicateSettings>;

export const DEFAULT_DUPLICATE_SETTINGS: DuplicateSettings = {
  similarScore: 0.5,
  recentDays: 180,
  groupPetitioners: 5,
  groupScore: 0.6,
  groupWindowDays: 7,
};

function resolve(values: unknown[]): DuplicateSettings {
  const out = { ...DEFAULT_DUPLICATE_SETTINGS };
  for (const v of values) {
    const parsed = DuplicateSettings.partial().safeParse(v);
    if (parsed.success) Object.assign(out, parsed.data);
  }
  return out;
}

/** The thresholds in force for a place (province first, the nearest jurisdiction's values win). */
export const duplicateSettings = jurisdictionSetting<DuplicateSettings, Partial<DuplicateSettings>>({
  key: 'duplicates',
  resolve,
  mayEdit: settingsPolicy.update,
  denied: '只能设置本辖区的阈值',
  auditAction: 'settings.duplicates',
});

/** The settings in force for a place, from the settings cache (the hot path of registration). */
export const duplicateSettingsFor = (db: Db, exec: Executor, jurisdictionCode: string) =>
  duplicateSettings.cached(db, exec, jurisdictionCode);
