// 日监测: the table of monitoring sources — what may need attention today, one row per source. Each
// capability contributes the function that finds its items (src/monitoring/registry.ts); another
// capability plugs in by adding one row here and one entry there. Pure data, no I/O (also read by
// the console).

export type Severity = 'high' | 'medium' | 'low';

export const SEVERITY_NAMES: Record<Severity, string> = { high: '紧急', medium: '关注', low: '提示' };

/** A threshold of a source, set per jurisdiction (settings key `monitoring`, inherited downwards). */
export interface ThresholdDef {
  key: string;
  label: string;
  default: number;
  min: number;
  max: number;
  unit: '天' | '小时';
}

export interface SourceDef {
  id: string;
  /** 中文名称 (cards, digest). */
  title: string;
  severity: Severity;
  /** What an item means, for the page's tooltip and the docs. */
  description: string;
  /** Staff roles the source is shown to (petition-bureau staff of the scope). */
  roles: readonly string[];
  threshold: ThresholdDef | null;
}

const BUREAU = ['registrar', 'reviewer', 'supervisor', 'leader', 'analyst', 'admin'] as const;
const OVERSIGHT = ['supervisor', 'leader', 'analyst', 'admin'] as const;

export const MONITORING_SOURCES = [
  {
    id: 'case_overdue',
    title: '办理超期',
    severity: 'high',
    description: '办理期限已过、尚未办结的信访事项',
    roles: BUREAU,
    threshold: null,
  },
  {
    id: 'case_near_due',
    title: '即将到期',
    severity: 'medium',
    description: '距办理期限不足规定天数的信访事项',
    roles: BUREAU,
    threshold: { key: 'nearDueDays', label: '临期提醒天数', default: 3, min: 1, max: 15, unit: '天' },
  },
  {
    id: 'warning_unacknowledged',
    title: '重大紧急预警未签收',
    severity: 'high',
    description: '高等级或极端风险预警，尚未签收',
    roles: OVERSIGHT,
    threshold: null,
  },
  {
    id: 'backlog_stalled',
    title: '积案久无进展',
    severity: 'medium',
    description: '化解中的积案，超过规定天数没有新的化解进展',
    roles: BUREAU,
    threshold: { key: 'stalledDays', label: '无进展天数', default: 15, min: 3, max: 180, unit: '天' },
  },
  {
    id: 'backlog_new_candidates',
    title: '新增积案候选',
    severity: 'low',
    description: '近一天每日排查新发现的积案候选，待提请认定或排除',
    roles: OVERSIGHT,
    threshold: {
      key: 'candidateHours',
      label: '统计时段',
      default: 24,
      min: 1,
      max: 168,
      unit: '小时',
    },
  },
  {
    id: 'supervision_overdue',
    title: '督办逾期未反馈',
    severity: 'high',
    description: '已过反馈期限、承办单位尚未报送反馈的督查督办事项',
    roles: BUREAU,
    threshold: null,
  },
  {
    id: 'linkage_overdue',
    title: '移交成员单位逾期未反馈',
    severity: 'medium',
    description: '已过反馈期限、联席会议成员单位尚未反馈的移交事项（部门联动）',
    roles: OVERSIGHT,
    threshold: null,
  },
  {
    id: 'project_milestone_overdue',
    title: '重点工作节点逾期',
    severity: 'medium',
    description: '本辖区重点工作项目中已过计划日期、尚未完成的节点（时间表）',
    roles: OVERSIGHT,
    threshold: null,
  },
  {
    id: 'flag_report_pending',
    title: '重大紧急上报未签收',
    severity: 'high',
    description: '下级信访部门上报的重大紧急信访事项，尚未签收',
    roles: OVERSIGHT,
    threshold: null,
  },
] as const satisfies readonly SourceDef[];

export type SourceId = (typeof MONITORING_SOURCES)[number]['id'];

/** Items listed per source (the total says how many in all). */
export const ITEMS_PER_SOURCE = 50;

export type Thresholds = Record<string, number>;

/** The defaults of every source's threshold. */
export function defaultThresholds(sources: readonly SourceDef[] = MONITORING_SOURCES): Thresholds {
  return Object.fromEntries(
    sources.flatMap((s) => (s.threshold ? [[s.threshold.key, s.threshold.default]] : [])),
  );
}

/**
 * The thresholds of a jurisdiction from its `monitoring` settings, province first (the nearest
 * setting wins); values that are not whole numbers in range are ignored.
 */
export function thresholdsFromSettings(
  values: readonly unknown[],
  sources: readonly SourceDef[] = MONITORING_SOURCES,
): Thresholds {
  const t = defaultThresholds(sources);
  for (const v of values) {
    if (typeof v !== 'object' || v === null) continue;
    for (const s of sources) {
      const def = s.threshold;
      if (!def) continue;
      const x = (v as Record<string, unknown>)[def.key];
      if (typeof x === 'number' && Number.isInteger(x) && x >= def.min && x <= def.max) t[def.key] = x;
    }
  }
  return t;
}

/** The sources a role sees. */
export function sourcesFor(role: string, sources: readonly SourceDef[] = MONITORING_SOURCES): SourceDef[] {
  return sources.filter((s) => s.roles.includes(role));
}

/** Whole days between two Shanghai dates 'YYYY-MM-DD' (to − from). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The digest's text: counts per source, no names or numbers of people. */
export function digestText(
  bureauName: string,
  date: string,
  counts: readonly { title: string; total: number }[],
): string {
  const parts = counts.filter((c) => c.total > 0).map((c) => `${c.title}${c.total}项`);
  return parts.length
    ? `${bureauName}日监测晨报（${date}）：${parts.join('，')}。请登录工作台“日监测”查看处置。`
    : `${bureauName}日监测晨报（${date}）：今日暂无需关注事项。`;
}
