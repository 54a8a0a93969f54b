// Shapes of /api/v1/monitoring answers used by the console's 日监测 page.

export interface MonitoringItem {
  key: string;
  title: string;
  caseId: number | null;
  caseNumber: string | null;
  unit: string | null;
  days: number | null;
  daysLabel: string;
  action: { label: string; path: string };
}

export interface MonitoringSource {
  id: string;
  title: string;
  severity: 'high' | 'medium' | 'low' | string;
  description: string;
  total: number;
  items: MonitoringItem[];
}

export interface Daily {
  date: string;
  scope: { code: string; name: string };
  sources: MonitoringSource[];
}

export interface Digest {
  id: number;
  date: string;
  unit: string;
  counts: { id: string; title: string; total: number }[];
  body: string;
}

export const SEVERITY: Record<string, { color: string; label: string }> = {
  high: { color: 'red', label: '紧急' },
  medium: { color: 'orange', label: '关注' },
  low: { color: 'blue', label: '提示' },
};
