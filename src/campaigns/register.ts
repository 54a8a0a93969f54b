// The 排查台账 as an Excel workbook (src/exports/xlsx.ts toXlsx): one numbered row per entry, the
// numbers in the footnote. No personal data: descriptions, places and counts only.
import { shanghaiDate } from '../domain/deadlines/index.ts';
import { toXlsx, type XlsxColumn } from '../exports/xlsx.ts';
import type { presentDetail } from './presenters.ts';

const COLUMNS = [
  { header: '序号', key: 'n', width: 6 },
  { header: '信访件编号', key: 'caseNumber', width: 20 },
  { header: '矛盾纠纷概况', key: 'description', width: 40 },
  { header: '发生地', key: 'place', width: 16 },
  { header: '问题类别', key: 'category', width: 12 },
  { header: '涉及人数', key: 'parties', width: 9 },
  { header: '风险等级', key: 'risk', width: 9 },
  { header: '责任单位', key: 'unit', width: 24 },
  { header: '三跨三分离', key: 'cross', width: 16 },
  { header: '是否稳定', key: 'stable', width: 9 },
  { header: '化解状态', key: 'status', width: 14 },
  { header: '登记日期', key: 'createdAt', width: 12 },
  { header: '化解日期', key: 'resolvedAt', width: 12 },
] as const satisfies readonly XlsxColumn[];
type Key = (typeof COLUMNS)[number]['key'];

const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
const day = (iso: string | null) => (iso ? shanghaiDate(new Date(iso)) : '');

export async function registerXlsx(d: ReturnType<typeof presentDetail>, now = new Date()): Promise<Buffer> {
  const n = d.numbers;
  return toXlsx<Key>({
    sheetName: '排查台账',
    columns: COLUMNS,
    rows: d.entries.map((e, i) => ({
      n: i + 1,
      caseNumber: e.caseNumber ?? '（未信访）',
      description: e.description,
      place: e.place,
      category: e.category,
      parties: e.partiesCount,
      risk: e.riskName,
      unit: e.responsibleUnit ?? '',
      cross: e.crossNames.join('、'),
      stable: e.crossKinds.length
        ? e.stable === true || e.status === 'resolved'
          ? '稳定'
          : e.stable === false
            ? '不稳定'
            : ''
        : '',
      status: e.statusName,
      createdAt: day(e.createdAt),
      resolvedAt: day(e.resolvedAt),
    })),
    footnote:
      `${d.name}（${d.base.name}）　统计时间：${shanghaiDate(now)}　排查 ${n.investigated} 件，化解 ${n.resolved} 件，` +
      `化解率 ${pct(n.rate)}；三跨三分离 ${n.cross} 件，化解稳定率 ${pct(n.stabilityRate)}` +
      (d.truncated ? '（只导出了前 5000 条）' : ''),
  });
}
