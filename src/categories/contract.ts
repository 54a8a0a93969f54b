// The category dictionary API's answers (内容分类二、三级; server–web contract, docs/architecture.md).
// Only zod here: the console imports the types with `import type`.
import { z } from 'zod';

export const DictionaryEntry = z.object({
  code: z.string(),
  parentCode: z.string(),
  level: z.number().meta({ description: '2 二级，3 三级' }),
  name: z.string(),
  retired: z.boolean(),
  version: z.number().meta({ description: '该条目最近一次修改所在的词典版本' }),
  changedAt: z.string(),
});
export type DictionaryEntry = z.infer<typeof DictionaryEntry>;

/** GET /categories/dictionary: every code's entry as of the version (retired ones included). */
export const Dictionary = z.object({ version: z.number(), entries: z.array(DictionaryEntry) });
export type Dictionary = z.infer<typeof Dictionary>;

export const DictionaryWritten = z.object({ code: z.string(), version: z.number() });

/** POST /categories/dictionary/import: the plan (a dry run) or what was loaded. */
export const TreeImportAnswer = z.object({
  dryRun: z.boolean(),
  version: z.number().meta({ description: '导入后（预览时为当前）的词典版本' }),
  entries: z.array(
    z.object({
      code: z.string(),
      parentCode: z.string(),
      level: z.number(),
      name: z.string(),
      change: z.enum(['add', 'restore']).meta({ description: 'add 新增，restore 恢复已停用的同名分类' }),
    }),
  ),
  unchanged: z.number().meta({ description: '词典中已有、名称相同的分类数' }),
  absent: z
    .array(z.object({ code: z.string(), name: z.string(), level: z.number() }))
    .meta({ description: '词典中在用、表中没有的分类（retireAbsent 时一并停用）' }),
  problems: z.array(z.object({ line: z.number(), message: z.string() })),
  problemCount: z.number(),
});
export type TreeImportAnswer = z.infer<typeof TreeImportAnswer>;
