// Shapes of /api/v1/projects answers used by the console's 重点工作 pages: the server's contract.
import type { Project } from '../../../src/projects/contract.ts';

export type {
  Milestone,
  OverdueMilestone,
  Project,
  ProjectDetail,
  ProjectList,
} from '../../../src/projects/contract.ts';

export const STATUS_COLORS: Record<Project['status'], string> = {
  planning: 'default',
  on_track: 'blue',
  overdue: 'red',
  done: 'green',
};
