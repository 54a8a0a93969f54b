// The audit log's answer (审计日志 search: GET /api/v1/audit; server–web contract,
// docs/architecture.md). Only zod here: the console imports the types with `import type`.
import { z } from 'zod';

export const AuditRow = z.object({
  seq: z.number(),
  chainPos: z.number().nullable().meta({ description: '链上位置；尚未封链时为空' }),
  at: z.string(),
  actor: z
    .object({
      id: z.number(),
      username: z.string().nullable(),
      displayName: z.string(),
      role: z.string(),
      roleName: z.string(),
    })
    .nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  summary: z.record(z.string(), z.unknown()),
});
export type AuditRow = z.infer<typeof AuditRow>;

export const AuditPage = z.object({ items: z.array(AuditRow), total: z.number(), totalCapped: z.boolean() });
export type AuditPage = z.infer<typeof AuditPage>;
