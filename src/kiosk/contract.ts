// The kiosk API's answers (大屏展示令牌, and what a screen shows; server–web contract,
// docs/architecture.md). Only zod here: the console and the screen import the types with `import type`.
import { z } from 'zod';

export const KioskToken = z.object({
  id: z.number(),
  name: z.string(),
  prefix: z.string().meta({ description: '令牌前缀（xfs_前缀_…），用于辨认' }),
  jurisdiction: z.object({ code: z.string(), name: z.string() }),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type KioskToken = z.infer<typeof KioskToken>;

export const KioskScreen = z.object({
  name: z.string(),
  jurisdiction: z.object({ code: z.string(), name: z.string() }),
});
export type KioskScreen = z.infer<typeof KioskScreen>;
