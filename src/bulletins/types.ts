// What a monthly 通报 says, as data: gathered once when drafted (stored in reports.data with kind
// 'bulletin'), and its editable sections. Counts and rates only — no personal data.
import type { Finding, ScoredFigures } from '../domain/bulletins/scorecard.ts';

export interface BulletinRow extends ScoredFigures {
  code: string;
  name: string;
  /** 综合评分 out of 100, null when nothing could be measured. */
  score: number | null;
  rank: number | null;
}

export interface SupervisionSummary {
  /** Orders raised in the month in the scope (src/supervision: supervisionCounts). */
  raised: number;
  /** Closed with feedback by its deadline / closed in all / late (waiting past it or answered late). */
  closedOnTime: number;
  closed: number;
  overdue: number;
  /** Reminded or escalated to the raising bureau's leaders. */
  escalated: number;
  /** The month's orders: number, type, addressee and state in words — no petitioner's data. */
  items: { number: string; type: string; unitName: string; status: string }[];
}

export interface BulletinData {
  kind: 'bulletin';
  period: string; // 'YYYY-MM'
  from: string;
  to: string;
  scope: { code: string; name: string; fullName: string; level: number; bureauName?: string };
  /** The scope as a whole (not ranked). */
  total: BulletinRow;
  /** The jurisdictions one level down, best first. */
  rows: BulletinRow[];
  findings: Finding[];
  overdueUnits: { unitName: string; jurisdictionName: string; open: number; overdue: number }[];
  /** Null when the supervision capability is not wired. */
  supervision: SupervisionSummary | null;
}

export const BULLETIN_SECTION_KEYS = [
  'overview',
  'ranking',
  'commendations',
  'shortfalls',
  'supervision',
  'requirements',
] as const;
export type BulletinSectionKey = (typeof BULLETIN_SECTION_KEYS)[number];
export type BulletinSections = Record<BulletinSectionKey, string>;

export const BULLETIN_SECTION_HEADINGS: Record<BulletinSectionKey, string> = {
  overview: '一、总体情况',
  ranking: '二、综合排名',
  commendations: '三、工作成效',
  shortfalls: '四、存在问题',
  supervision: '五、督查督办情况',
  requirements: '六、下步工作要求',
};
