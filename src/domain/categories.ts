// 信访内容分类: the platform's ONE list of first-level content categories — what the portal and the
// console offer, what intake accepts in `categoryCode`, what the classifier suggests and routes, what
// the seed generates and how statistics label their rows. The names are the 15 first-level
// categories of the official content classification the classifier is built on, plus 其他 (990000,
// the national system's catch-all, chosen by people, never suggested). The codes are the 6-digit
// 'XX0000' codes the platform has stored from the start. No second level: the only copy of the
// official tree we have carries no licence, so it is not shipped.
// Dependency-free on purpose: the browser imports this file.

export interface ContentCategory {
  /** 6-digit first-level code, 'XX0000'; what `cases.category_code` stores. */
  code: string;
  name: string;
  /** units.dept_key of the department that usually answers such matters; 'xinfang' = the bureau keeps it. */
  department: string;
  /** A few typical matters, written for this project: a hint for people choosing a category. */
  description: string;
  /** Whether the default classifier suggests it (its label is the name). */
  suggested: boolean;
}

export const CONTENT_CATEGORIES = [
  c('010000', '城乡建设', 'zhujian', '住房与物业、房屋征收拆迁、城市管理与市政设施、规划与建筑工程'),
  c('020000', '劳动和社会保障', 'renshe', '工资与劳动关系、社会保险、退休待遇、就业'),
  c('030000', '农村农业', 'nongye', '土地承包、惠农补贴、村务管理、农业生产、水利、扶贫'),
  c('040000', '国土资源', 'ziran', '土地征收与管理、不动产登记、矿产资源'),
  c('050000', '卫生计生', 'weijian', '医疗服务与医患纠纷、公共卫生、食品药品、计划生育'),
  c('060000', '教育文体', 'jiaoyu', '入学招生、教育收费、教师待遇、文化体育'),
  c('070000', '民政', 'minzheng', '社会救助与低保、养老服务、优抚安置、社区与社会组织、婚姻殡葬'),
  c('080000', '政法', 'gongan', '治安与刑事案件、户籍证件、诉讼与执行、法律服务、调解仲裁'),
  c('090000', '经济管理', 'shichang', '企业与营商环境、金融与非法集资、财税、物价'),
  c('100000', '交通运输', 'jiaotong', '公交出租与客货运输、道路建设、邮政'),
  c('110000', '商贸旅游', 'shichang', '消费维权、市场监管、旅游、预付卡'),
  c('120000', '科技与信息产业', 'shichang', '电信与网络服务、信息化、知识产权'),
  c('130000', '环境保护', 'shengtai', '大气水土污染、噪声扰民、建设项目环评'),
  c('140000', '党务政务', 'xinfang', '机关作风与政务服务、信息公开、党的建设与组织工作'),
  c('160000', '纪检监察', 'xinfang', '干部违纪、贪污贿赂、滥用职权、失职渎职'),
  c('990000', '其他', 'xinfang', '以上类别都不合适的事项', false),
] as const satisfies readonly ContentCategory[];

function c<C extends string, N extends string>(
  code: C,
  name: N,
  department: string,
  description: string,
  suggested = true,
) {
  return { code, name, department, description, suggested };
}

export type CategoryCode = (typeof CONTENT_CATEGORIES)[number]['code'];
export type CategoryName = (typeof CONTENT_CATEGORIES)[number]['name'];

/** The catch-all code (其它 in the national system). */
export const OTHER_CATEGORY_CODE = '990000';

/**
 * Codes stored earlier that are no longer offered, with where their matters went (migration
 * 0011_categories_sql). 组织人事 is in the pre-2018 national list but not in the official
 * classification: organisation matters sit under 党务政务 (党的建设) there.
 */
export const RETIRED_CATEGORIES: Readonly<Record<string, { name: string; replacedBy: CategoryCode }>> = {
  '150000': { name: '组织人事', replacedBy: '140000' },
};

const byCode = new Map<string, ContentCategory>(CONTENT_CATEGORIES.map((x) => [x.code, x]));
const byName = new Map<string, ContentCategory>(CONTENT_CATEGORIES.map((x) => [x.name, x]));

export const isCategoryCode = (code: string): code is CategoryCode => byCode.has(code);
export const categoryByCode = (code: string): ContentCategory | undefined => byCode.get(code);
/** A classifier label (or any category name) to its category; undefined for labels outside the list. */
export const categoryByName = (name: string): ContentCategory | undefined => byName.get(name);

/** Label for statistics: the name, a retired code's old name, '未分类' for none, else the code itself. */
export function categoryLabel(code: string | null | undefined): string {
  if (!code) return '未分类';
  // Own keys only: a code such as 'constructor' is not a retired category.
  const retired = Object.hasOwn(RETIRED_CATEGORIES, code) ? RETIRED_CATEGORIES[code] : undefined;
  return byCode.get(code)?.name ?? retired?.name ?? code;
}

export type SuggestedCategoryName = Exclude<CategoryName, '其他'>;
type Suggested = (typeof CONTENT_CATEGORIES)[number] & { name: SuggestedCategoryName };
/** The categories the default classifier suggests, in catalogue order. */
export const SUGGESTED_CATEGORIES: readonly Suggested[] = CONTENT_CATEGORIES.filter(
  (x): x is Suggested => x.suggested,
);
