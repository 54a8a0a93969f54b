// The 指标明细 table: its groupings and columns. The console shows it (web/console/analytics) and
// GET /analytics/indicators.xlsx writes the same as a workbook, so both read this one list.
// Dependency-free on purpose (the console imports it).
import type { Indicators } from './index.ts';

/** The table's groupings (a subset of GET /analytics/indicators?groupBy=), with their names. */
export const TABLE_GROUP_NAMES = {
  jurisdiction: '按地区',
  category: '按类别',
  subcategory: '按细分类',
  form: '按形式',
  purpose: '按目的',
  unit: '按单位',
  month: '按月',
} as const;
export type TableGroupBy = keyof typeof TABLE_GROUP_NAMES;
export const TABLE_GROUP_BYS = Object.keys(TABLE_GROUP_NAMES) as [TableGroupBy, ...TableGroupBy[]];

export interface TableColumn {
  key: keyof Indicators | 'label';
  title: string;
  kind: 'text' | 'count' | 'rate';
}

export const TABLE_COLUMNS: readonly TableColumn[] = [
  { key: 'label', title: '名称', kind: 'text' },
  { key: 'total', title: '信访总量', kind: 'count' },
  { key: 'yoy', title: '同比', kind: 'rate' },
  { key: 'mom', title: '环比', kind: 'rate' },
  { key: 'onlineShare', title: '网上信访占比', kind: 'rate' },
  { key: 'timelyAcceptanceRate', title: '及时受理率', kind: 'rate' },
  { key: 'onTimeCompletionRate', title: '按期办结率', kind: 'rate' },
  { key: 'participationRate', title: '群众参评率', kind: 'rate' },
  { key: 'satisfactionRate', title: '满意率', kind: 'rate' },
  { key: 'skipLevelRate', title: '越级上访率', kind: 'rate' },
  { key: 'repeatRate', title: '重复信访率', kind: 'rate' },
  { key: 'backlogResolutionRate', title: '积案化解率', kind: 'rate' },
  { key: 'groupBatches', title: '集体访批次', kind: 'count' },
  { key: 'groupPersons', title: '集体访人次', kind: 'count' },
];
