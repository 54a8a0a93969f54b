// Request generator for the OpenAPI fuzz test (test/integration/openapi-fuzz.test.ts): plausible
// values from the JSON schemas of the OpenAPI document, and hostile ones (wrong types, huge
// numbers, control characters, prototype names, long strings, deep objects, odd path spellings).
// Everything random comes from one seeded PRNG, so a seed reproduces the same requests.

export type Schema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  propertyNames?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  default?: unknown;
  example?: unknown;
};

/** mulberry32: small, fast, good enough to pick test inputs. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)] as T;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** What the generator knows about the running platform: real ids and numbers to aim at. */
export interface Known {
  ids: Record<string, number[]>;
  caseNumbers: string[];
  usernames: string[];
  codes: string[];
}

const deep = (n: number): unknown => {
  let v: unknown = 'x';
  for (let i = 0; i < n; i++) v = { a: v };
  return v;
};

export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'abc\u0000def',
  '标题\u0000内容',
  '\u0001\u0002\u001b[31m\u007f',
  '\r\n\r\n',
  '\ud800',
  '\udfff\ud800',
  '王𠀀𠀁𪚥',
  '\u202e\u200b\ufeff',
  'x'.repeat(5_001),
  '长'.repeat(20_001),
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '%',
  '%00',
  '%zz',
  '../../../../etc/passwd',
  'toString',
  'constructor',
  '__proto__',
  'hasOwnProperty',
  'valueOf',
  'prototype',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '1.5',
  '2147483647',
  '2147483648',
  '9223372036854775808',
  '9'.repeat(40),
  '1e308',
  '0x10',
  'true',
  'null',
  '[]',
  '{}',
  '0001-01-01',
  '0999-12-31',
  '0000-01-01T00:00:00Z',
  '0999-12-31T23:59:59Z',
  '9999-12-31',
  '9999-12-31T23:59:59.999Z',
  '2026-02-30',
  '2026-13-01',
  '1900-01',
  '0000-00',
  '9999-12',
  '000000',
  '999999999',
  '320000',
  '=cmd|"/c calc"!A1',
  '@SUM(1+1)',
  '+86 138',
];

export const HOSTILE_NUMBERS: readonly number[] = [
  -1,
  0,
  0.5,
  -0.0,
  1.5,
  2 ** 31 - 1,
  2 ** 31,
  2 ** 32,
  2 ** 53,
  -(2 ** 53),
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  1e21,
  1e308,
  -1e308,
  5e-324,
];

export const HOSTILE_OTHER: readonly unknown[] = [
  null,
  true,
  false,
  [],
  [null],
  ['a', 'b'],
  [1, 2, 3],
  {},
  { toString: 'x' },
  { constructor: { prototype: { polluted: true } } },
  { valueOf: 1 },
  deep(60),
  Array.from({ length: 1000 }, (_, i) => i),
];

/** A hostile value of any kind. */
export function hostile(rng: Rng): unknown {
  const r = rng.next();
  if (r < 0.55) return rng.pick(HOSTILE_STRINGS);
  if (r < 0.8) return rng.pick(HOSTILE_NUMBERS);
  return rng.pick(HOSTILE_OTHER);
}

/** A hostile value for a query or path parameter (always sent as text). */
export function hostileText(rng: Rng): string {
  const v = hostile(rng);
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : JSON.stringify(v);
}

const CJK = '信访事项反映拆迁补偿工资拖欠物业管理噪声扰民道路施工教育医疗社保养老问题请求依法解决';
const cjkText = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.pick([...CJK])).join('');

const today = new Date();
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

function typeOf(s: Schema): string | undefined {
  if (Array.isArray(s.type)) return s.type.find((t) => t !== 'null');
  return s.type;
}

/** A value the schema accepts (as far as the schema says; domain checks may still refuse it). */
export function plausible(rng: Rng, s: Schema, name: string, known: Known, depth = 0): unknown {
  const alt = s.anyOf ?? s.oneOf;
  if (alt?.length) return plausible(rng, rng.pick(alt), name, known, depth);
  if (s.allOf?.length) return plausible(rng, s.allOf[0] as Schema, name, known, depth);
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return rng.pick(s.enum);
  if (s.example !== undefined && rng.chance(0.5)) return s.example;
  const type = typeOf(s) ?? (s.properties ? 'object' : 'string');
  switch (type) {
    case 'integer':
    case 'number': {
      const ids = known.ids[name];
      if (ids?.length) return rng.pick(ids);
      const lo = Math.max(s.minimum ?? 1, -1000);
      const hi = Math.min(s.maximum ?? 1000, lo + 1000);
      const v = lo + rng.next() * (hi - lo);
      return type === 'integer' ? Math.max(lo, Math.ceil(v)) : Math.max(lo, v);
    }
    case 'boolean':
      return rng.chance(0.5);
    case 'array': {
      const n = Math.min(s.maxItems ?? 3, Math.max(s.minItems ?? 0, rng.int(3)));
      return Array.from({ length: n }, () => plausible(rng, s.items ?? {}, name, known, depth + 1));
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      if (depth > 4) return out;
      for (const [k, sub] of Object.entries(s.properties ?? {})) {
        if (s.required?.includes(k) || rng.chance(0.6)) out[k] = plausible(rng, sub, k, known, depth + 1);
      }
      if (typeof s.additionalProperties === 'object' && !s.properties) {
        const keyEnum = s.propertyNames?.enum as string[] | undefined;
        for (let i = 0; i < 2; i++) {
          const k = keyEnum?.length ? rng.pick(keyEnum) : rng.pick(['a', 'b', 'complaint', '01']);
          out[k] = plausible(rng, s.additionalProperties, k, known, depth + 1);
        }
      }
      return out;
    }
    default:
      return plausibleString(rng, s, name, known);
  }
}

function plausibleString(rng: Rng, s: Schema, name: string, known: Known): string {
  const p = s.pattern ?? '';
  if (/caseNumber/i.test(name) && known.caseNumbers.length) return rng.pick(known.caseNumbers);
  if (p.includes('\\d{6}(\\d{3})?')) return rng.pick(known.codes);
  if (s.format === 'date-time') return new Date(today.getTime() - rng.int(300) * 86_400_000).toISOString();
  if (s.format === 'date' || p === '^\\d{4}-\\d{2}-\\d{2}$')
    return isoDate(new Date(today.getTime() - rng.int(400) * 86_400_000));
  if (p.startsWith('^\\d{4}-(0[1-9]|1[0-2])')) return `2026-0${1 + rng.int(6)}`;
  if (p.startsWith('^\\d{16')) return known.caseNumbers[0] ?? '3201060000000001';
  if (p === '^\\d{6}$') return '123456';
  if (/phone/i.test(name)) return rng.pick(['13812345678', '13900000001', '15012345678']);
  if (/idNumber/i.test(name)) return '11010519491231002X';
  if (/^name$|petitioner/i.test(name)) return rng.pick(['张三', '李四', '王𠀀', '买买提·艾力']);
  if (name === 'username') return rng.pick(known.usernames);
  if (name === 'password') return 'Demo@Test2026';
  if (p.startsWith('^[a-zA-Z]')) return `fz${rng.int(1e9)}`;
  if (p.startsWith('^[a-z]')) return `rule_${rng.int(1e6)}`;
  if (p.startsWith('^[A-Za-z0-9-]')) return `RC-${100000 + rng.int(900000)}`;
  const min = s.minLength ?? 0;
  const max = Math.min(s.maxLength ?? 60, 200);
  const n = Math.max(min, Math.min(max, 10 + rng.int(30)));
  return cjkText(rng, n);
}

/** Other spellings of one path: what a router may decode or normalise differently from a check. */
export function respell(rng: Rng, path: string): string {
  switch (rng.int(9)) {
    case 0:
      return path.replace('/api/', '/%61pi/');
    case 1:
      return path.replace(/[a-z]/, (c) => `%${c.charCodeAt(0).toString(16)}`);
    case 2:
      return `/${path}`;
    case 3:
      return path.replace('/v1/', '/v1//');
    case 4:
      return `${path}/`;
    case 5:
      return path.toUpperCase();
    case 6:
      return path.replace('/api/', '/API/');
    case 7:
      return path.replace('/v1/', '/v1/./');
    default:
      return path.replace('/v1/', '/v1/x/../');
  }
}

/** Request bodies that are not a JSON object, or not JSON at all. */
export function rawBody(rng: Rng): { payload: string | Buffer; contentType: string } {
  const json = (payload: string) => ({ payload, contentType: 'application/json' });
  switch (rng.int(14)) {
    case 0:
      return json('');
    case 1:
      return json('{');
    case 2:
      return json('null');
    case 3:
      return json('[]');
    case 4:
      return json('"x"');
    case 5:
      return json('1e999');
    case 6:
      return json(`${'['.repeat(20_000)}${']'.repeat(20_000)}`);
    case 7:
      return json(`${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`);
    case 8:
      return json('{"__proto__":{"polluted":true},"action":"accept"}');
    case 9:
      return json('{"constructor":{"prototype":{"polluted":true}}}');
    case 10:
      return {
        payload: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
        contentType: 'application/json',
      };
    case 11:
      return { payload: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' };
    case 12:
      return { payload: 'hello', contentType: 'text/plain' };
    default:
      return { payload: '{"a":1}', contentType: 'application/json; charset=latin1' };
  }
}
