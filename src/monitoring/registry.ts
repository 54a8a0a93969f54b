// The registry of monitoring sources: for every row of the source table
// (src/domain/monitoring/sources.ts), the function of the capability that finds its items. A new
// capability (督办单逾期未反馈, 重点项目节点逾期 …) plugs in with one row there and one entry here.
import { newCandidates, stalledMatters } from '../backlog/monitoring.ts';
import type { SourceId } from '../domain/monitoring/sources.ts';
import { pendingFlagReports } from '../flags/monitoring.ts';
import { overdueReferrals } from '../linkage/monitoring.ts';
import { overdueProjectMilestones } from '../projects/monitoring.ts';
import { overdueOrders } from '../supervision/monitoring.ts';
import { unacknowledgedWarnings } from '../warnings/monitoring.ts';
import { nearDueCases, overdueCases } from './caseSources.ts';
import type { SourceCollector } from './types.ts';

export const MONITORING_COLLECTORS: Record<SourceId, SourceCollector> = {
  case_overdue: overdueCases,
  case_near_due: nearDueCases,
  warning_unacknowledged: unacknowledgedWarnings,
  backlog_stalled: stalledMatters,
  backlog_new_candidates: newCandidates,
  supervision_overdue: overdueOrders,
  linkage_overdue: overdueReferrals,
  project_milestone_overdue: overdueProjectMilestones,
  flag_report_pending: pendingFlagReports,
};
