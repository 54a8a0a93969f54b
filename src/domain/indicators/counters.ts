// The counts every indicator is computed from (统计口径). The rollup tables (src/analytics) hold one
// column per counter; each counter says which event adds to it and on which day (Asia/Shanghai).

export const COUNTER_NAMES = [
  'total',
  'online',
  'visits',
  'skippedLevel',
  'repeats',
  'groupBatches',
  'groupPersons',
  'acceptanceDecided',
  'acceptedTimely',
  'completed',
  'completedOnTime',
  'rated',
  'ratable',
  'satisfied',
  'bureauSatisfied',
  'backlog',
  'backlogResolved',
] as const;
export type CounterName = (typeof COUNTER_NAMES)[number];
export type Counters = Record<CounterName, number>;

/** What each counter counts and the date it is counted on (shown with the figures). */
export const COUNTER_DEFINITIONS: Record<CounterName, { name: string; counts: string; date: string }> = {
  total: {
    name: '信访总量（件次）',
    counts: '登记的信访件次：新登记的信访事项，加上关联到在办事项的重复信访登记',
    date: '收到日期',
  },
  online: { name: '网上信访件次', counts: '信访形式为网上信访的登记件次', date: '收到日期' },
  visits: { name: '来访批次', counts: '信访形式为来访（走访）的登记批次', date: '收到日期' },
  skippedLevel: { name: '越级来访批次', counts: '登记时认定为越级走访的来访批次', date: '收到日期' },
  repeats: {
    name: '重复信访件次',
    counts: '同一信访人就同一事项再次信访的登记件次（关联到在办事项的，及就已办结事项再次提出的）',
    date: '收到日期',
  },
  groupBatches: { name: '集体访批次', counts: '人数达到集体访标准（默认5人）的来访批次', date: '收到日期' },
  groupPersons: { name: '集体访人次', counts: '集体访批次的来访人数之和', date: '收到日期' },
  acceptanceDecided: {
    name: '受理决定件数',
    counts: '作出受理、不予受理或导入法定途径决定的事项（受理期限计时停止）',
    date: '决定日期',
  },
  acceptedTimely: { name: '及时受理件数', counts: '在受理期限内作出决定的事项', date: '决定日期' },
  completed: {
    name: '办结件数',
    counts: '出具处理意见书、调解和解或导入法定途径而停止办理期限的事项',
    date: '办结日期',
  },
  completedOnTime: {
    name: '按期办结件数',
    counts: '在办理期限（含批准的延期）内办结的事项',
    date: '办结日期',
  },
  rated: { name: '已评价件数', counts: '信访人已评价的事项', date: '评价日期' },
  ratable: {
    name: '应评价件数',
    counts: '已评价的事项，加上评价期届满未评价（超期未评价）的事项',
    date: '评价日期或评价期届满日',
  },
  satisfied: {
    name: '满意件数（责任单位）',
    counts: '对责任单位评价为满意或基本满意的事项',
    date: '评价日期',
  },
  bureauSatisfied: {
    name: '满意件数（信访部门）',
    counts: '对信访部门评价为满意或基本满意的事项',
    date: '评价日期',
  },
  backlog: { name: '积案件数', counts: '经上级信访部门认定的积案（撤销标识的不计）', date: '认定日期' },
  backlogResolved: {
    name: '积案化解件数',
    counts: '上述积案中至今已审核销号（化解）的，计入其认定日期',
    date: '认定日期',
  },
};

export const emptyCounters = (): Counters => Object.fromEntries(COUNTER_NAMES.map((n) => [n, 0])) as Counters;

/** a + b, counter by counter (a new object). */
export function addCounters(a: Counters, b: Partial<Counters>): Counters {
  const out = { ...a };
  for (const n of COUNTER_NAMES) out[n] += b[n] ?? 0;
  return out;
}

export const isZero = (c: Partial<Counters>) => COUNTER_NAMES.every((n) => !c[n]);
