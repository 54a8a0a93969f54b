// The 通报 laid out for the shared report renderers (src/reports/layout.ts): the issuing bureau,
// 文号 and 主送 line, the six sections, the ranking table, the units table and the month's orders.
import { chineseDate } from '../documents/format.ts';
import { pct } from '../domain/reportRules.ts';
import { renderDocx } from '../reports/docx.ts';
import type { ReportBlock, ReportLayout } from '../reports/layout.ts';
import { renderPdf } from '../reports/pdf.ts';
import { firstInstantAfter, issuingBodyOf, type ReportFormat } from '../reports/render.ts';
import { bulletinAddressee, bulletinNumber, bulletinTitle } from './sections.ts';
import {
  BULLETIN_SECTION_HEADINGS,
  BULLETIN_SECTION_KEYS,
  type BulletinData,
  type BulletinSectionKey,
  type BulletinSections,
} from './types.ts';

export const RANKING_HEADER = [
  '排名',
  '地区',
  '综合评分',
  '积案化解率',
  '及时受理率',
  '按期办结率',
  '满意率',
  '重复信访率',
] as const;

export function rankingRows(d: BulletinData): string[][] {
  return d.rows.map((r) => [
    r.rank === null ? '—' : String(r.rank),
    r.name,
    r.score === null ? '—' : r.score.toFixed(1),
    r.backlogIdentified === 0
      ? '—'
      : `${pct(r.backlogResolutionRate)} (${r.backlogResolved}/${r.backlogIdentified})`,
    pct(r.timelyAcceptanceRate),
    pct(r.onTimeCompletionRate),
    pct(r.satisfactionRate),
    pct(r.repeatRate),
  ]);
}

export interface BulletinToRender {
  data: BulletinData;
  sections: BulletinSections;
  issuedAt?: Date | null;
}

export function bulletinLayout(b: BulletinToRender): ReportLayout {
  const d = b.data;
  const blocks: Record<BulletinSectionKey, ReportBlock[]> = {
    overview: [],
    ranking:
      d.rows.length > 0
        ? [
            {
              type: 'table',
              header: RANKING_HEADER,
              rows: rankingRows(d),
              widths: [2, 4, 3, 5, 3, 3, 3, 3],
              size: 'small',
            },
          ]
        : [],
    commendations: [],
    shortfalls:
      d.overdueUnits.length > 0
        ? [
            {
              type: 'table',
              header: ['单位', '所在地区', '在办（件）', '超期（件）'],
              rows: d.overdueUnits.map((u) => [
                u.unitName,
                u.jurisdictionName,
                String(u.open),
                String(u.overdue),
              ]),
              widths: [5, 3, 2, 2],
            },
          ]
        : [],
    supervision:
      d.supervision && d.supervision.items.length > 0
        ? [
            {
              type: 'table',
              header: ['督办文号', '督办方式', '承办单位', '办理情况'],
              rows: d.supervision.items.map((i) => [i.number ?? '—', i.type, i.unitName, i.status]),
              widths: [4, 3, 5, 3],
            },
          ]
        : [],
    requirements: [],
  };
  return {
    title: bulletinTitle(d),
    issuingBody: issuingBodyOf(d),
    documentNumber: bulletinNumber(d.period),
    addressee: bulletinAddressee(d.scope.level),
    dateLine: b.issuedAt ? chineseDate(b.issuedAt) : '（草稿）',
    subject: `${d.scope.fullName} ${d.period} 信访工作通报`,
    at: b.issuedAt ?? firstInstantAfter(d.period),
    sections: BULLETIN_SECTION_KEYS.map((k) => ({
      heading: BULLETIN_SECTION_HEADINGS[k],
      text: b.sections[k],
      blocks: blocks[k],
    })),
  };
}

export async function renderBulletin(format: ReportFormat, b: BulletinToRender): Promise<Buffer> {
  const layout = bulletinLayout(b);
  return format === 'docx' ? renderDocx(layout) : renderPdf(layout);
}

export const bulletinFilename = (d: BulletinData, format: ReportFormat) => `${bulletinTitle(d)}.${format}`;
