// The thresholds of the monitoring sources per jurisdiction (settings key `monitoring`, inherited
// by the subtree): read for the page and the daily pass, written by administrators of the
// jurisdiction or above (one command with its audit row). Ranges come from the source table.
import { MONITORING_SOURCES, type Thresholds, thresholdsFromSettings } from '../domain/monitoring/sources.ts';
import { badRequest } from '../errors.ts';
import { settingsPolicy } from '../policies/index.ts';
import { jurisdictionSetting } from '../settings/jurisdictional.ts';

/** Checks a patch against the table's ranges: 400 with the threshold's Chinese label. */
export function checkPatch(patch: Record<string, unknown>): Thresholds {
  const out: Thresholds = {};
  for (const [key, v] of Object.entries(patch)) {
    const def = MONITORING_SOURCES.find((s) => s.threshold?.key === key)?.threshold;
    if (!def) throw badRequest('unknown_threshold', `未知的监测阈值：${key.slice(0, 30)}`, key);
    if (typeof v !== 'number' || !Number.isInteger(v) || v < def.min || v > def.max)
      throw badRequest(
        'invalid_threshold',
        `${def.label}应为${def.min}到${def.max}之间的整数（${def.unit}）`,
        key,
      );
    out[key] = v;
  }
  return out;
}

export const monitoringThresholds = jurisdictionSetting<Thresholds, Record<string, unknown>>({
  key: 'monitoring',
  resolve: thresholdsFromSettings,
  check: checkPatch,
  mayEdit: settingsPolicy.update,
  denied: '只有本辖区或上级管理员可以设置日监测阈值',
  auditAction: 'monitoring.thresholds',
});
