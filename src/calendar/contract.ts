// The working calendar's answers (法定节假日与调休: GET /calendar/holidays, and what entering a year's
// days answers; server–web contract, docs/architecture.md). Only zod here: the console imports the
// types with `import type`.
import { z } from 'zod';

export const SpecialDay = z.object({
  date: z.string(),
  kind: z.enum(['holiday', 'makeup_workday']),
  label: z.string().meta({ description: '节日名称，或“调休上班（节日）”' }),
});
export type SpecialDay = z.infer<typeof SpecialDay>;

export const HolidayCalendar = z.object({
  year: z.number(),
  covered: z.boolean().meta({ description: '日历是否包含该年的国务院放假安排' }),
  source: z
    .enum(['shipped', 'entered', 'none'])
    .meta({ description: 'shipped 随平台提供；entered 由管理员录入；none 未收录' }),
  coverage: z.object({ firstYear: z.number(), lastYear: z.number() }),
  days: z.array(SpecialDay),
});
export type HolidayCalendar = z.infer<typeof HolidayCalendar>;

export const YearEntered = z.object({ year: z.number(), days: z.number(), recomputedCases: z.number() });
export type YearEntered = z.infer<typeof YearEntered>;
