// What a monthly 通报 says, as data: gathered once when drafted (stored in reports.data with kind
// 'bulletin'), and its editable sections. Counts and rates only — no personal data.
import type { BulletinData, BulletinRow, SupervisionSummary } from './contract.ts';

/** The data's shapes live in the contract (the console reads them). */
export type { BulletinData, BulletinRow, SupervisionSummary };

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
