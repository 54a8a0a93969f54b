// 历史数据导入的字段映射 (mapping.json): which source column holds which field of a matter, and how
// the source spells the values of coded fields (形式, 目的, 状态, 分类, 处理结果, 不予受理理由).
// Pure: the CLI reads the file, this checks it. Example: docs/examples/import-mapping.json.
import { z } from 'zod';

/** The fields a source row can fill (what a column maps to). */
export const IMPORT_FIELDS = [
  'sourceNo', // 原信访件编号: the source system's own number (the re-run key)
  'receivedAt', // 登记日期 (收到日期)
  'acceptedAt', // 受理日期
  'repliedAt', // 答复日期 (出具处理意见)
  'closedAt', // 办结日期 (不予受理: 告知日期)
  'state', // 办理状态
  'form', // 信访形式
  'purpose', // 信访目的
  'category', // 内容分类 (code or name)
  'place', // 问题属地 (code, name or full name)
  'subject', // 标题 (信访事由)
  'content', // 主要内容
  'name', // 信访人姓名
  'idNumber', // 身份证号码
  'phone', // 联系电话
  'address', // 住址
  'peopleCount', // 人数
  'outcome', // 处理结果 (支持/解释说明/不予支持)
  'reason', // 不予受理理由
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Fields with coded values: the source's spellings may be mapped in `values`. */
export const CODED_FIELDS = ['state', 'form', 'purpose', 'category', 'outcome', 'reason'] as const;
export type CodedField = (typeof CODED_FIELDS)[number];

/** Columns that must be mapped: without them no row can become a matter. */
export const REQUIRED_FIELDS: readonly ImportField[] = ['sourceNo', 'receivedAt', 'subject', 'place'];

export interface ImportMapping {
  /** Name of the source system; the re-run key is (source, sourceNo). */
  source: string;
  /** Source column header → field. */
  columns: Record<string, ImportField>;
  /** Per coded field: source spelling → platform code (or a name the platform knows). */
  values: Partial<Record<CodedField, Record<string, string>>>;
  /** Values for fields the source does not have (e.g. every row is a 来信). */
  defaults: Partial<Record<'form' | 'purpose' | 'state' | 'category' | 'outcome' | 'reason', string>>;
  /** Name of the worksheet to read (xlsx); default the first one. */
  sheet?: string;
}

const mappingSchema = z
  .object({
    source: z.string().trim().min(1).max(100).default('default'),
    columns: z.record(z.string().min(1).max(200), z.enum(IMPORT_FIELDS)),
    values: z.partialRecord(z.enum(CODED_FIELDS), z.record(z.string(), z.string())).default({}),
    defaults: z
      .partialRecord(z.enum(['form', 'purpose', 'state', 'category', 'outcome', 'reason']), z.string())
      .default({}),
    sheet: z.string().min(1).optional(),
  })
  .strict();

export type MappingCheck = { ok: true; mapping: ImportMapping } | { ok: false; errors: string[] };

/** Checks a parsed mapping.json: known fields, each field from one column, the required ones there. */
export function checkMapping(json: unknown): MappingCheck {
  const r = mappingSchema.safeParse(json);
  if (!r.success) {
    return {
      ok: false,
      errors: r.error.issues.map((i) => `映射文件 ${i.path.join('.') || '(根)'}：${i.message}`),
    };
  }
  const errors: string[] = [];
  const seen = new Map<ImportField, string>();
  for (const [column, field] of Object.entries(r.data.columns)) {
    const other = seen.get(field);
    if (other) errors.push(`字段 ${field} 同时映射自列“${other}”和“${column}”`);
    seen.set(field, column);
  }
  for (const f of REQUIRED_FIELDS) if (!seen.has(f)) errors.push(`缺少必需字段 ${f} 的列映射`);
  return errors.length ? { ok: false, errors } : { ok: true, mapping: r.data as ImportMapping };
}

/** Header columns the mapping names but the file lacks (a typo in the mapping or the wrong file). */
export function missingColumns(mapping: ImportMapping, headers: readonly string[]): string[] {
  const have = new Set(headers.map((h) => h.trim()));
  return Object.keys(mapping.columns).filter((c) => !have.has(c.trim()));
}

/** A source row (header → cell text) as fields, with the mapping's defaults for empty ones. */
export function fieldsOf(
  mapping: ImportMapping,
  cells: Readonly<Record<string, string>>,
): Partial<Record<ImportField, string>> {
  const out: Partial<Record<ImportField, string>> = {};
  for (const [column, field] of Object.entries(mapping.columns)) {
    const v = (cells[column] ?? cells[column.trim()] ?? '').trim();
    if (v) out[field] = v;
  }
  for (const [field, v] of Object.entries(mapping.defaults) as [ImportField, string][]) {
    if (!out[field] && v) out[field] = v;
  }
  return out;
}
