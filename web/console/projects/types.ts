// Shapes of /api/v1/projects answers used by the console's 重点工作 pages.

export interface Milestone {
  id: number;
  title: string;
  ownerName: string;
  dueDate: string;
  doneDate: string | null;
  evidence: string | null;
  overdue: boolean;
}

export interface Project {
  id: number;
  year: number;
  title: string;
  goal: string;
  leadLeader: string;
  jurisdictionCode: string;
  bureauName: string;
  ownerUnitName: string;
  status: 'planning' | 'on_track' | 'overdue' | 'done';
  statusName: string;
  milestonesTotal: number;
  milestonesDone: number;
  milestonesOverdue: number;
  nextDue: string | null;
  milestones: Milestone[];
}

export interface ProjectDetail extends Project {
  progress: { id: number; milestoneId: number | null; note: string; by: string | null; at: string }[];
  availableActions: string[];
}

export interface OverdueMilestone {
  projectId: number;
  projectTitle: string;
  bureauName: string;
  leadLeader: string;
  milestoneId: number;
  title: string;
  ownerName: string;
  dueDate: string;
  daysOverdue: number;
}

export const STATUS_COLORS: Record<Project['status'], string> = {
  planning: 'default',
  on_track: 'blue',
  overdue: 'red',
  done: 'green',
};
