// A time limit (期限) as the regulation states it: so many calendar or working days (types only).
export type LimitUnit = 'calendar_days' | 'working_days';

export interface Limit {
  amount: number;
  unit: LimitUnit;
}
