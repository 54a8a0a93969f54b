// 考核期间: a month 'YYYY-MM', a quarter 'YYYY-Qn' or a year 'YYYY', as a date range and its
// number of months (per-case deductions are averaged per month).
export interface AssessmentPeriod {
  period: string;
  kind: 'month' | 'quarter' | 'year';
  year: number;
  from: string;
  to: string;
  months: number;
  label: string;
}

const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const pad = (n: number) => String(n).padStart(2, '0');
const range = (y: number, m1: number, m2: number) => ({
  from: `${y}-${pad(m1)}-01`,
  to: `${y}-${pad(m2)}-${pad(lastDay(y, m2))}`,
});

/** The period, or null when `p` is none of the three forms. */
export function parsePeriod(p: string): AssessmentPeriod | null {
  let m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(p);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    return { period: p, kind: 'month', year: y, ...range(y, mo, mo), months: 1, label: `${y}年${mo}月` };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(p);
  if (m) {
    const [y, q] = [Number(m[1]), Number(m[2])];
    return {
      period: p,
      kind: 'quarter',
      year: y,
      ...range(y, q * 3 - 2, q * 3),
      months: 3,
      label: `${y}年第${'一二三四'[q - 1]}季度`,
    };
  }
  m = /^(\d{4})$/.exec(p);
  if (m) {
    const y = Number(m[1]);
    return { period: p, kind: 'year', year: y, ...range(y, 1, 12), months: 12, label: `${y}年度` };
  }
  return null;
}
