// 信访件编号 and 查询码 (domain.md §12): 6-digit code of the registering jurisdiction + year +
// 7-digit sequence; the query code is 6 characters from an alphabet without look-alikes.
import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { caseCounters } from '../db/schema.ts';

export async function nextCaseNumber(tx: Executor, registeringCode: string, year: number): Promise<string> {
  const prefix = `${registeringCode.slice(0, 6)}${year}`;
  const [row] = await tx
    .insert(caseCounters)
    .values({ prefix, last: 1 })
    .onConflictDoUpdate({ target: caseCounters.prefix, set: { last: sql`${caseCounters.last} + 1` } })
    .returning({ last: caseCounters.last });
  return `${prefix}${String(row?.last ?? 1).padStart(7, '0')}`;
}

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export function generateQueryCode(): string {
  let s = '';
  for (let i = 0; i < 6; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return s;
}
export const normaliseQueryCode = (code: string) => code.trim().toUpperCase();
