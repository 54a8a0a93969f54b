// The files of 责任落实, in the house layout of the reports (src/reports/docx.ts): the scorecard as
// Word (ranking and the points of each item) and Excel (exceljs), the 通报 of a unit's failures, and
// the responsibility letter. Counts, units and officials only — no petitioner's data; numbers typed
// into texts are masked.

import type { z } from 'zod';
import { chineseDate } from '../documents/format.ts';
import {
  LETTER_STATUS_NAMES,
  type LetterStatus,
  RECORD_KIND_RULES,
  type RecordKind,
} from '../domain/assessment/records.ts';
import { LEVEL_NAMES } from '../domain/assessment/scheme.ts';
import { maskNumbersInText } from '../domain/masking.ts';
import { pct } from '../domain/reportRules.ts';
import { toXlsx } from '../exports/xlsx.ts';
import { renderDocx } from '../reports/docx.ts';
import type { ReportLayout } from '../reports/layout.ts';
import { issuingBodyOf } from '../reports/render.ts';
import type { RecordItem } from './presenters.ts';
import type { LetterRow } from './queries.ts';
import type { ScorecardData } from './scorecard.ts';

const noon = (d: string) => new Date(`${d}T12:00:00+08:00`);
const value = (v: number | null, kind: string) => (v === null ? '—' : kind === 'rate' ? pct(v) : `${v}件`);

export const scorecardTitle = (d: ScorecardData) =>
  `${d.period.label}${d.scope.name}信访工作考核${d.by === 'unit' ? '（部门）' : ''}排名`;

export function scorecardLayout(d: ScorecardData): ReportLayout {
  const items = d.scheme.items;
  const labels = d.rows[0]?.items.map((i) => i.label) ?? [];
  const scored = d.rows.filter((r) => r.rank !== null);
  const notScored = d.rows.filter((r) => r.rank === null);
  const overview =
    `按照${d.period.year}年度${LEVEL_NAMES[d.scheme.level]}信访工作考核方案（满分${d.scheme.maxPoints}分，` +
    `${d.scheme.source === 'override' ? '本年度调整方案' : '默认方案'}），依据信访信息系统${d.period.from}至${d.period.to}的数据，` +
    `对${d.rows.length}个${d.by === 'unit' ? '部门' : '地区'}进行考核，${scored.length}个计分排名。` +
    (notScored.length ? `${notScored.map((r) => r.name).join('、')}可计分指标不足，不予排名。` : '') +
    '得分为可计分指标的得分占其分值的百分比（百分制）；无数据的指标不计入。';
  const top = scored[0];
  const bottom = scored.at(-1);
  const summary =
    top && bottom && top !== bottom
      ? `第1名${top.name}（${top.score}分），末位${bottom.name}（${bottom.score}分）。`
      : '';
  return {
    title: scorecardTitle(d),
    issuingBody: issuingBodyOf(d),
    dateLine: chineseDate(noon(d.period.to)),
    subject: `${d.scope.fullName} ${d.period.period} 信访工作考核`,
    at: noon(d.period.to),
    sections: [
      { heading: '一、考核说明', text: overview, blocks: [] },
      {
        heading: '二、综合排名',
        text: summary,
        blocks: [
          {
            type: 'table',
            header: ['排名', d.by === 'unit' ? '单位' : '地区', '得分', '覆盖%', ...labels],
            rows: d.rows.map((r) => [
              r.rank === null ? '—' : String(r.rank),
              r.name,
              r.score === null ? '—' : r.score.toFixed(1),
              String(Math.round(r.coverage)),
              ...r.items.map((i) => (i.available ? i.earned.toFixed(1) : '无数据')),
            ]),
            widths: [2, 4, 2.5, 2.5, ...labels.map(() => 2.5)],
            size: 'small',
          },
        ],
      },
      {
        heading: '三、考核指标',
        text: items
          .map((i) =>
            i.kind === 'rate'
              ? `${d.rows[0]?.items.find((x) => x.key === i.key)?.label ?? i.key}：${i.points}分，按${i.better === 'higher' ? '比率' : '（1−比率）'}折算。`
              : `${d.rows[0]?.items.find((x) => x.key === i.key)?.label ?? i.key}：${i.points}分，每件扣${i.perCase}分（按月平均），扣完为止。`,
          )
          .join('\n'),
        blocks: [],
      },
    ],
  };
}

export const renderScorecardDocx = (d: ScorecardData) => renderDocx(scorecardLayout(d));

export async function renderScorecardXlsx(d: ScorecardData): Promise<Buffer> {
  const first = d.rows[0]?.items ?? [];
  const columns = [
    { header: '排名', key: 'rank', width: 6 },
    { header: d.by === 'unit' ? '单位' : '地区', key: 'name', width: 22 },
    { header: '得分（百分制）', key: 'score', width: 12 },
    { header: '得分/可计分', key: 'points', width: 12 },
    { header: '指标覆盖%', key: 'coverage', width: 10 },
    { header: '信访总量', key: 'total', width: 10 },
    ...first.flatMap((i) => [
      { header: `${i.label}（值）`, key: `${i.key}_v`, width: 14 },
      { header: `${i.label}（得分/${i.points}）`, key: `${i.key}_p`, width: 14 },
    ]),
  ];
  const rows = d.rows.map((r) => {
    const row: Record<string, string | number | null> = {
      rank: r.rank,
      name: r.name,
      score: r.score,
      points: `${r.earned}/${r.available}`,
      coverage: r.coverage,
      total: r.total,
    };
    for (const i of r.items) {
      row[`${i.key}_v`] = value(i.value, i.kind);
      row[`${i.key}_p`] = i.available ? i.earned : '无数据';
    }
    return row;
  });
  return toXlsx({
    sheetName: `${d.period.period}考核`,
    columns,
    rows,
    footnote: `${scorecardTitle(d)}；方案满分${d.scheme.maxPoints}分，无数据的指标不计入得分与覆盖。`,
  });
}

/** 通报: the failures of a unit, published by the bureau that recorded them. */
export function noticeLayout(
  r: z.infer<typeof RecordItem>,
  links: { caseNumbers: string[]; orderNumbers: string[] },
): ReportLayout {
  const basis = [
    links.caseNumbers.length ? `涉及信访事项：${links.caseNumbers.join('、')}。` : '',
    links.orderNumbers.length ? `相关督办：${links.orderNumbers.join('、')}。` : '',
  ].join('');
  return {
    title: r.title,
    issuingBody: r.issuer,
    documentNumber: r.number ?? undefined,
    addressee: '各有关单位',
    dateLine: chineseDate(noon(r.decidedOn)),
    subject: `${RECORD_KIND_RULES[r.kind as RecordKind]?.name ?? ''} ${r.unit}`,
    at: noon(r.decidedOn),
    sections: [
      {
        heading: '一、基本情况',
        text: `经查，${r.unit}在信访工作中存在以下问题：\n${maskNumbersInText(r.facts)}\n${basis}`.trim(),
        blocks: [],
      },
      {
        heading: '二、处理意见',
        text: `现对${r.unit}予以通报。${r.decision ? maskNumbersInText(r.decision) : ''}`.trim(),
        blocks: [],
      },
      {
        heading: '三、工作要求',
        text: '各地各单位要引以为戒，压实信访工作责任，严格落实及时受理、按期办结要求，切实把群众合理诉求解决好。',
        blocks: [],
      },
    ],
  };
}

export const renderNoticeDocx = (
  r: z.infer<typeof RecordItem>,
  links: { caseNumbers: string[]; orderNumbers: string[] },
) => renderDocx(noticeLayout(r, links));

/** 信访工作责任书. */
export function letterLayout(
  l: LetterRow,
  names: { jurisdiction: string; issuer: string; issuerBureau: string },
): ReportLayout {
  const targets = (l.targets as { text: string }[]).map((t, i) => `${i + 1}. ${t.text}`).join('\n');
  const sig = (l.signatories as { side: string; name: string; post: string }[])
    .map(
      (s) =>
        `${s.side === 'issuer' ? `发放方（${names.issuer}）` : `责任方（${names.jurisdiction}）`}：${s.post} ${s.name}`,
    )
    .join('\n');
  const at = l.signedOn ? noon(l.signedOn) : noon(`${l.year}-01-01`);
  return {
    title: l.title,
    issuingBody: names.issuerBureau,
    dateLine: l.signedOn ? chineseDate(at) : `（${LETTER_STATUS_NAMES[l.status as LetterStatus]}，未签订）`,
    subject: `${l.year} ${names.jurisdiction} 信访工作责任书`,
    at,
    sections: [
      { heading: '一、责任内容', text: l.body, blocks: [] },
      { heading: '二、目标任务', text: targets || '（无）', blocks: [] },
      { heading: '三、签订', text: sig || '（待签订）', blocks: [] },
    ],
  };
}

export const renderLetterDocx = (
  l: LetterRow,
  names: { jurisdiction: string; issuer: string; issuerBureau: string },
) => renderDocx(letterLayout(l, names));
