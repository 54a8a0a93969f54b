// Reference distributions for synthetic petitions: forms, purposes, content categories (the
// platform's catalogue, src/domain/categories.ts, with a volume each), city weights and the seasonal pattern. Figures are plausible
// shapes, not statistics — except the online share (Jiangsu 2017: 50.1 % of petitions were online).
import { type CategoryCode, CONTENT_CATEGORIES } from '../domain/categories.ts';
import type { CaseForm, Purpose } from '../domain/lifecycle/vocabulary.ts';
import type { Rng } from './random.ts';

/** Picks from `[value, weight][]` (weights need not sum to 1). */
export function weighted<T>(rng: Rng, items: readonly (readonly [T, number])[]): T {
  let total = 0;
  for (const [, w] of items) total += w;
  let r = rng.next() * total;
  for (const [v, w] of items) {
    r -= w;
    if (r < 0) return v;
  }
  return (items[items.length - 1] as readonly [T, number])[0];
}

export const FORM_WEIGHTS: readonly (readonly [CaseForm, number])[] = [
  ['online', 50],
  ['letter', 18],
  ['visit', 17],
  ['phone', 9],
  ['mailbox', 3],
  ['video', 2],
  ['fax', 1],
];

export const PURPOSE_WEIGHTS: readonly (readonly [Purpose, number])[] = [
  ['claim', 58],
  ['appeal', 9],
  ['accusation', 7],
  ['suggestion', 12],
  ['consultation', 11],
  ['other', 3],
];

export interface Category {
  /** Code of src/domain/categories.ts. */
  code: string;
  name: string;
  /** Department (units.dept_key) the matter is assigned to: the category's default department. */
  dept: string;
  weight: number;
}

/** Relative volume per category code (the former 组织人事 share now counts under 党务政务). */
const VOLUME: Readonly<Record<CategoryCode, number>> = {
  '010000': 22,
  '020000': 14,
  '030000': 7,
  '040000': 10,
  '050000': 5,
  '060000': 5,
  '070000': 5,
  '080000': 9,
  '090000': 5,
  '100000': 4,
  '110000': 3,
  '120000': 1,
  '130000': 5,
  '140000': 3,
  '160000': 1,
  '990000': 1,
};

/** The content categories of src/domain/categories.ts with their synthetic volume, in catalogue order. */
export const CATEGORIES: readonly Category[] = CONTENT_CATEGORIES.map((c) => ({
  code: c.code,
  name: c.name,
  dept: c.department,
  weight: VOLUME[c.code],
}));
export const CATEGORY_WEIGHTS = CATEGORIES.map((c) => [c, c.weight] as const);

/** The 13 cities of Jiangsu, weighted by resident population (millions, 2020 census, rounded). */
export const CITY_WEIGHTS: readonly (readonly [string, number])[] = [
  ['3201', 9.3], // 南京
  ['3202', 7.5], // 无锡
  ['3203', 9.1], // 徐州
  ['3204', 5.3], // 常州
  ['3205', 12.7], // 苏州
  ['3206', 7.7], // 南通
  ['3207', 4.6], // 连云港
  ['3208', 4.6], // 淮安
  ['3209', 6.7], // 盐城
  ['3210', 4.6], // 扬州
  ['3211', 3.2], // 镇江
  ['3212', 4.5], // 泰州
  ['3213', 5.0], // 宿迁
];

/**
 * Relative petition volume by calendar month (index 0 = January): a dip around the Spring Festival,
 * a rise after it (March–April) and in summer (July–August), a dip around National Day.
 */
export const MONTH_WEIGHTS = [0.85, 0.7, 1.3, 1.15, 1.0, 1.05, 1.2, 1.2, 1.0, 0.8, 0.95, 0.95];

/** Weekend volume relative to a weekday (online petitions arrive every day; offices close). */
export const WEEKEND_FACTOR: Record<CaseForm, number> = {
  online: 0.6,
  letter: 0.05,
  visit: 0.05,
  phone: 0.3,
  fax: 0.05,
  video: 0.05,
  mailbox: 0.6,
  hotline: 0.6, // not seeded (FORM_WEIGHTS): hotline orders arrive through src/hotline only
};

export const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦顾缪季',
];
export const ESTATES =
  '阳光花园 金色家园 翠湖苑 锦绣华庭 幸福里 春晖小区 和平新村 滨江名苑 梧桐雅居 紫荆花园 明月山庄 香榭丽舍 怡景湾 丽水华府 书香名邸 碧桂苑 运河人家 新城嘉园 秀水佳园 泰和园 玉兰公寓 瑞景苑 北苑新村 星河湾'.split(
    ' ',
  );
export const ROADS =
  '建设路 人民路 解放路 中山路 长江路 淮海路 南湖路 东风路 文昌路 迎宾大道 青年路 新华路 学府路 工业大道 环城北路 太湖大道 通江路 健康路'.split(
    ' ',
  );
export const COMPANIES =
  '宏达建设工程有限公司 恒信物业服务有限公司 鑫源置业有限公司 华泰机械制造有限公司 金诚劳务有限公司 美佳健身服务有限公司 顺通物流有限公司 新锐教育培训中心 瑞丰纺织有限公司 康宁医疗器械有限公司 绿源环保科技有限公司 天成房地产开发有限公司 永盛电子有限公司 万家乐超市 海通汽车销售服务有限公司 宏远化工有限公司'.split(
    ' ',
  );
export const SCHOOLS = '实验小学 第一中学 第二实验小学 外国语学校 新城中学 中心幼儿园'.split(' ');
export const HOSPITALS = '人民医院 中医院 妇幼保健院 第二人民医院 社区卫生服务中心'.split(' ');
