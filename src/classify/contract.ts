// The classify API's answers (内容分类 and the category → department routing; server–web contract,
// docs/architecture.md). Only zod here: the console imports the types with `import type`.
import { z } from 'zod';

export const Catalogue = z.object({
  categories: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      description: z.string(),
      suggested: z.boolean().meta({ description: '默认分类器是否会建议此类别' }),
      defaultDepartment: z.string(),
      keywordCount: z.number(),
      keywords: z.array(z.string()).meta({ description: '默认分类器的部分关键词' }),
    }),
  ),
  departments: z.array(z.object({ key: z.string(), name: z.string() })),
});
export type Catalogue = z.infer<typeof Catalogue>;

export const RoutingAnswer = z.object({
  routing: z.record(z.string(), z.string()).meta({ description: '内容分类代码 → 承办部门' }),
});
export type RoutingAnswer = z.infer<typeof RoutingAnswer>;
