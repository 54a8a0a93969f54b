// The 通报 API's answers (server–web contract, docs/architecture.md): a stored report of kind
// 'bulletin' — the summary, the six editable texts, the figures gathered when drafted. Only zod and
// types here: the console imports them with `import type`. Counts and rates only, no personal data.
import { z } from 'zod';
import type { Finding, ScoredFigures } from '../domain/bulletins/scorecard.ts';
import { StoredReportSummary, storedData } from '../reports/contract.ts';

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
  /**
   * The month's orders: 文号 (null for a 网上督办 or 约谈, which are no letter), type, addressee and state in
   * words — no petitioner's data.
   */
  items: { number: string | null; type: string; unitName: string; status: string }[];
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
  /** The place's own units with open matters, most overdue first (at most 10). */
  overdueUnits: { unitName: string; jurisdictionName: string; open: number; overdue: number }[];
  /** Its matters overdue at an upper bureau (a 复查 at the city); absent in bulletins drafted before. */
  overdueAbove?: number;
  /** Null when the supervision capability is not wired. */
  supervision: SupervisionSummary | null;
}

export const BulletinSections = z.object({
  overview: z.string(),
  ranking: z.string(),
  commendations: z.string(),
  shortfalls: z.string(),
  supervision: z.string(),
  requirements: z.string(),
});

export const BulletinDetail = StoredReportSummary.extend({
  sections: BulletinSections,
  data: storedData<BulletinData>(
    'BulletinData：各地综合评分与排名、积案化解、表扬与问题、督查督办（仅统计数字）',
  ),
});
export type BulletinDetail = z.infer<typeof BulletinDetail>;
