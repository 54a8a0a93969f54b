// Suggestions (意见建议) drafted for the monthly special report from its figures. Each rule reads
// the figures and, when its condition holds, writes one suggestion; analysts edit the text before
// issue. Thresholds are here, named, so the bureau can see why a suggestion appeared.
import type { HotspotItem, ReportData, Suggestion } from '../reports/types.ts';

export const REPORT_THRESHOLDS = {
  /** 及时受理率 below this → tighten acceptance. */
  timelyAcceptance: 0.95,
  /** 按期办结率 below this → supervise handling deadlines. */
  onTimeCompletion: 0.9,
  /** A category growing faster than this month on month … */
  categoryGrowth: 0.2,
  /** … with at least this many petitions in the month (small counts swing by chance). */
  categoryMinVolume: 10,
  /** One unit holding at least this share of the overdue matters … */
  overdueConcentration: 0.3,
  /** … and at least this many. */
  overdueMinCount: 3,
  /** 满意率 falling by at least this (percentage points as a fraction) month on month. */
  satisfactionDrop: 0.02,
  /** 满意率 below this regardless of the change. */
  satisfactionFloor: 0.9,
  /** 重复信访率 above this. */
  repeatRate: 0.15,
  /** 越级上访率 above this (Jiangsu kept it under 2 % in 2017). */
  skipLevelRate: 0.02,
  /** Forecast next month above this month by more than this. */
  forecastGrowth: 0.1,
  /** A hotspot growing at least this much (growth = ratio − 1 against the previous window). */
  hotspotGrowth: 0.5,
} as const;

export const pct = (r: number | null | undefined, digits = 1): string =>
  r === null || r === undefined || !Number.isFinite(r) ? '—' : `${(r * 100).toFixed(digits)}%`;

const T = REPORT_THRESHOLDS;

/** The suggestions, in a fixed order (same figures → same text). */
export function draftSuggestions(data: ReportData): Suggestion[] {
  const out: Suggestion[] = [];
  const cur = data.situation.current;
  const prev = data.situation.previousMonth;
  const area = areaWord(data.scope.level, data.scope.name);

  if (cur.timelyAcceptanceRate !== null && cur.timelyAcceptanceRate < T.timelyAcceptance) {
    out.push({
      rule: 'timely_acceptance',
      text: `及时受理率为${pct(cur.timelyAcceptanceRate)}，低于${pct(T.timelyAcceptance, 0)}的工作要求。建议各级信访部门落实“即收即登、及时受理”，对收到信访事项15日内未作出受理决定的逐件督促，纳入月度通报。`,
    });
  }
  if (cur.onTimeCompletionRate !== null && cur.onTimeCompletionRate < T.onTimeCompletion) {
    out.push({
      rule: 'on_time_completion',
      text: `按期办结率为${pct(cur.onTimeCompletionRate)}，低于${pct(T.onTimeCompletion, 0)}。建议对临期、超期事项实行清单管理，责任单位逐件说明原因，信访部门跟踪督办。`,
    });
  }
  const growing = growingCategories(data);
  if (growing.length > 0) out.push({ rule: 'category_growth', text: categoryGrowthText(growing) });
  const overdueTotal = data.problems.overdueUnits.reduce((s, u) => s + u.overdue, 0);
  for (const u of data.problems.overdueUnits) {
    if (
      u.overdue >= T.overdueMinCount &&
      overdueTotal > 0 &&
      u.overdue / overdueTotal >= T.overdueConcentration
    ) {
      out.push({
        rule: 'overdue_concentration',
        text: `${u.jurisdictionName}${u.unitName}超期未办结${u.overdue}件，占${area}超期事项的${pct(u.overdue / overdueTotal)}。建议对该单位挂牌督办，限期办结并报告原因。`,
      });
    }
  }
  const satDrop =
    cur.satisfactionRate !== null && prev.satisfactionRate !== null
      ? prev.satisfactionRate - cur.satisfactionRate
      : null;
  if (
    cur.satisfactionRate !== null &&
    ((satDrop !== null && satDrop >= T.satisfactionDrop) || cur.satisfactionRate < T.satisfactionFloor)
  ) {
    const change = satDrop !== null && satDrop > 0 ? `，较上月下降${(satDrop * 100).toFixed(1)}个百分点` : '';
    out.push({
      rule: 'satisfaction',
      text: `群众满意率为${pct(cur.satisfactionRate)}${change}。建议对不满意事项逐件回访，分析原因，必要时启动复查或包案化解，提升办理质量。`,
    });
  }
  if (cur.repeatRate !== null && cur.repeatRate > T.repeatRate) {
    out.push({
      rule: 'repeat_rate',
      text: `重复信访率为${pct(cur.repeatRate)}。建议对重复信访突出的事项落实领导包案，推进积案化解，防止“小事拖大、积访成案”。`,
    });
  }
  if (cur.skipLevelRate !== null && cur.skipLevelRate > T.skipLevelRate) {
    out.push({
      rule: 'skip_level',
      text: `越级上访率为${pct(cur.skipLevelRate)}，高于${pct(T.skipLevelRate, 0)}。建议压实属地责任，引导群众逐级走访，落实初信初访首接首办。`,
    });
  }
  if (cur.groupBatches > 0 && cur.groupBatches > prev.groupBatches) {
    out.push({
      rule: 'group_visits',
      text: `集体访${cur.groupBatches}批${cur.groupPersons}人次，较上月增加${cur.groupBatches - prev.groupBatches}批。建议加强矛盾纠纷排查预警，对可能引发群体性事件的苗头性问题提前介入。`,
    });
  }
  for (const h of data.problems.hotspots) {
    if (h.growth !== null && h.growth >= T.hotspotGrowth && h.size >= T.categoryMinVolume) {
      out.push({
        rule: 'hotspot_growth',
        text: `${hotspotPhrase(h, data.scope)}，增长较快。建议属地党委政府组织专题研判，落实化解责任人和时限。`,
      });
    }
  }
  const next = data.forecast.nextMonth;
  if (next && cur.total > 0 && next.mean > cur.total * (1 + T.forecastGrowth)) {
    out.push({
      rule: 'forecast_growth',
      text: `预计下月信访总量约${Math.round(next.mean)}件，较本月增长${pct(next.mean / cur.total - 1)}。建议提前研判部署，充实接待力量，做好网上信访分流办理。`,
    });
  }
  if (out.length === 0) {
    out.push({
      rule: 'steady',
      text: `本月${area}信访形势总体平稳，各项指标均在工作要求之内。建议保持工作力度，持续做好初信初访和矛盾纠纷源头化解。`,
    });
  }
  return out;
}

/** How many growing categories the suggestion names with their figures; the rest are counted. */
export const CATEGORY_GROWTH_NAMED = 3;

/** The categories that grew past the thresholds, the largest increase in petitions first. */
function growingCategories(data: ReportData) {
  return data.breakdowns.byCategory
    .filter((c) => c.total >= T.categoryMinVolume && c.mom !== null && c.mom > T.categoryGrowth)
    .sort((a, b) => b.total - b.totalPrevPeriod - (a.total - a.totalPrevPeriod));
}

/**
 * One suggestion for all growing categories: a month when the whole volume rises would otherwise
 * repeat the same sentence for seven categories. The largest increases are named with their figures.
 */
function categoryGrowthText(growing: ReturnType<typeof growingCategories>): string {
  const action = '排查共性问题，从政策层面推动源头化解。';
  const [only] = growing;
  if (growing.length === 1 && only)
    return `“${only.label}”类信访本月${only.total}件，环比上升${pct(only.mom)}。建议会同主管部门开展${only.label}领域专项治理，${action}`;
  const named = growing.slice(0, CATEGORY_GROWTH_NAMED);
  const names = named.map((c) => `“${c.label}”`).join('');
  const more = growing.length > named.length ? `等${growing.length}类` : '类';
  const figures = named.map((c) => `“${c.label}”类${c.total}件、上升${pct(c.mom)}`).join('，');
  return `${names}${more}信访环比上升较快，其中${figures}。建议会同相关主管部门开展专项治理，${action}`;
}

/**
 * A hotspot as the report names it: what it is about, how many matters, where and how many people
 * (“宅基地确权”问题6件（鼓楼区，涉及6人）). A hotspot of a province's or city's own place spans
 * several of its parts (全省多地); a county's hotspots are all its own, so its report names no place.
 * Reports drafted before the subject was kept name it by its label.
 */
export function hotspotPhrase(
  h: Pick<HotspotItem, 'label' | 'subject' | 'place' | 'size' | 'petitioners'>,
  scope: { name: string; level: number },
): string {
  if (!h.subject) return `“${h.label}”${h.size}件（涉及${h.petitioners}人）`;
  const own = h.place === scope.name;
  const where = own ? (scope.level <= 2 ? `${areaWord(scope.level, scope.name)}多地，` : '') : `${h.place}，`;
  return `“${h.subject}”问题${h.size}件（${where}涉及${h.petitioners}人）`;
}

/** 全省 / 全市 / 全区 / 全县: how the report names its own area. */
export function areaWord(level: number, name: string): string {
  if (level <= 1) return '全省';
  if (level === 2) return '全市';
  if (level === 3) return name.endsWith('县') ? '全县' : name.endsWith('市') ? '全市' : '全区';
  return name.endsWith('镇') ? '全镇' : name.endsWith('乡') ? '全乡' : '辖区';
}
