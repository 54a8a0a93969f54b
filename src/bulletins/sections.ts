// The drafted texts of the 通报's six sections, from its figures (same data → same text); the
// bureau edits them before issue. Names jurisdictions and units, never petitioners.
import { chineseInteger } from '../documents/format.ts';
import { FINDING_THRESHOLDS, MIN_WEIGHT_COVERED, SCORECARD } from '../domain/bulletins/scorecard.ts';
import { areaWord, pct } from '../domain/reportRules.ts';
import { monthLabel } from '../reports/sections.ts';
import type { BulletinData, BulletinRow, BulletinSections } from './types.ts';

export function bulletinTitle(d: Pick<BulletinData, 'period' | 'scope'>): string {
  return `关于${monthLabel(d.period)}${areaWord(d.scope.level, d.scope.name)}信访工作情况的通报`;
}

/** 〔2026〕第11期: a bulletin a month, numbered by its month. */
export const bulletinNumber = (period: string) => `〔${period.slice(0, 4)}〕第${Number(period.slice(5))}期`;

/** 主送: the bureaus one level down and the departments of the issuing level. */
export function bulletinAddressee(level: number): string {
  if (level <= 1) return '各设区市信访局，省各有关部门';
  if (level === 2) return '各县（市、区）信访局，市各有关部门';
  return '各镇（街道）信访办，各有关部门';
}

const n = (i: number) => `（${chineseInteger(i + 1)}）`;
const scoreText = (r: BulletinRow) => (r.score === null ? '无评分' : `${r.score}分`);

function overview(d: BulletinData): string {
  const t = d.total;
  const area = areaWord(d.scope.level, d.scope.name);
  const lines = [
    `${monthLabel(d.period)}，${area}共登记信访事项${t.total}件。及时受理率${pct(t.timelyAcceptanceRate)}，按期办结率${pct(t.onTimeCompletionRate)}（办结${t.completed}件），群众满意率${pct(t.satisfactionRate)}，重复信访率${pct(t.repeatRate)}。`,
    `截至通报起草时，${area}累计认定积案${t.backlogIdentified}件，已化解${t.backlogResolved}件，积案化解率${pct(t.backlogResolutionRate)}；超期未办结信访事项${t.overdue}件${above(d)}。`,
  ];
  return lines.join('\n');
}

/** Of the overdue, those an upper bureau holds: not the place's units' to answer for. */
const above = (d: BulletinData) => (d.overdueAbove ? `（其中${d.overdueAbove}件在上级机关办理中）` : '');

function ranking(d: BulletinData): string {
  const ranked = d.rows.filter((r) => r.rank !== null);
  const weights = SCORECARD.map((m) => `${m.label}${m.weight}%`).join('、');
  const lines = [`按综合评分（${weights}，无数据的指标不计入并按比例折算）排名如下：`];
  if (ranked.length === 0) return '本月各地有数据的指标均不足，不作排名。';
  lines.push(`${ranked.map((r) => `第${r.rank}名${r.name}（${scoreText(r)}）`).join('，')}。`);
  const unranked = d.rows.filter((r) => r.rank === null).map((r) => r.name);
  if (unranked.length > 0)
    lines.push(`${unranked.join('、')}本月有数据的指标权重不足${MIN_WEIGHT_COVERED}%，不参加排名。`);
  return lines.join('\n');
}

function listOf(d: BulletinData, kind: 'commend' | 'criticise'): string[] {
  const byPlace = new Map<string, string[]>();
  for (const f of d.findings.filter((x) => x.kind === kind)) {
    const l = byPlace.get(f.name) ?? [];
    l.push(f.text);
    byPlace.set(f.name, l);
  }
  return [...byPlace].map(([name, texts], i) => `${n(i)}${name}：${texts.join('，')}。`);
}

function commendations(d: BulletinData): string {
  const lines = listOf(d, 'commend');
  if (lines.length === 0) return '本月无符合通报表扬条件的地区。';
  return ['对以下地区予以通报表扬：', ...lines].join('\n');
}

function shortfalls(d: BulletinData): string {
  const lines = listOf(d, 'criticise');
  const units = d.overdueUnits.filter((u) => u.overdue >= FINDING_THRESHOLDS.overdueMin).slice(0, 5);
  if (units.length > 0)
    lines.push(
      `${n(lines.length)}超期未办结较多的单位：${units.map((u) => `${u.unitName}${u.overdue}件`).join('、')}。`,
    );
  if (lines.length === 0) return '本月未发现需要通报的突出问题。';
  return ['以下地区和单位存在的问题予以通报：', ...lines].join('\n');
}

function supervision(d: BulletinData): string {
  const s = d.supervision;
  if (!s || s.raised === 0) return '本月未下发督查督办事项。';
  const lines = [
    `本月共下发督查督办事项${s.raised}件，已办结${s.closed}件（其中按期反馈${s.closedOnTime}件），逾期${s.overdue}件，催办或升级${s.escalated}件。`,
  ];
  const late = s.items
    .filter((i) => i.status.startsWith('逾期未反馈'))
    .map((i) => `${i.unitName}（${i.number ?? i.type}）`);
  if (late.length > 0) lines.push(`逾期未反馈的单位：${late.join('、')}，请抓紧办理并书面说明原因。`);
  return lines.join('\n');
}

function requirements(d: BulletinData): string {
  const lines: string[] = [];
  const t = d.total;
  let i = 0;
  if (t.backlogIdentified > t.backlogResolved)
    lines.push(
      `${n(i++)}加大积案化解力度。尚未化解的${t.backlogIdentified - t.backlogResolved}件积案，责任单位要对照认定恰当、标识准确、程序完整、要件齐全、实体合理、结案合规、审核严谨七项标准逐件推进，包案领导要亲自研究、亲自协调。`,
    );
  // Only what the place's own units hold: an upper bureau's are not for this bureau to 督办.
  const ownOverdue = t.overdue - (d.overdueAbove ?? 0);
  if (ownOverdue > 0)
    lines.push(`${n(i++)}严格落实办理时限。对${ownOverdue}件超期事项逐件督办，限期办结并说明超期原因。`);
  lines.push(
    `${n(i++)}被通报的地区和单位要认真分析原因，制定整改措施，于下月10日前将整改情况书面报送${d.scope.bureauName ?? `${d.scope.name}信访局`}。`,
  );
  return lines.join('\n');
}

export function draftBulletinSections(d: BulletinData): BulletinSections {
  return {
    overview: overview(d),
    ranking: ranking(d),
    commendations: commendations(d),
    shortfalls: shortfalls(d),
    supervision: supervision(d),
    requirements: requirements(d),
  };
}
