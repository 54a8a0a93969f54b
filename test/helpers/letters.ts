// Sample letters for the OCR tests, rendered from known text: the Noto CJK font the reports use
// (src/documents/fonts.ts) through resvg, then optionally degraded like a phone photo of a page —
// a small rotation, Gaussian pixel noise and a blur — and written as PNG (a small encoder: node's
// zlib does the compression). Seeded, so a run is reproducible.
import { crc32, deflateSync } from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';
import { cjkFonts } from '../../src/documents/fonts.ts';
import { createRng } from '../../src/seed/random.ts';

export interface LetterText {
  subject: string;
  /** Lines as printed (the renderer does not wrap). */
  lines: string[];
}

export interface Degradation {
  /** Degrees, clockwise. */
  rotate?: number;
  /** Standard deviation of the Gaussian noise on 0–255 grey values. */
  noise?: number;
  /** Gaussian blur of the rendered page, in pixels (SVG stdDeviation). */
  blur?: number;
  seed?: number;
}

const WIDTH = 1240; // A4 at 150 dpi
const MARGIN = 90;
const FONT_PX = 30;
const LINE_PX = 50;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function svgOf(letter: LetterText, d: Degradation): { svg: string; height: number } {
  const height = Math.max(900, MARGIN * 2 + 80 + letter.lines.length * LINE_PX);
  const family = cjkFonts().family;
  const rows = letter.lines
    .map((l, i) => `<text x="${MARGIN}" y="${MARGIN + 110 + i * LINE_PX}">${esc(l)}</text>`)
    .join('');
  const filter = d.blur ? `<filter id="b"><feGaussianBlur stdDeviation="${d.blur}"/></filter>` : '';
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}">${filter}` +
    `<rect width="100%" height="100%" fill="#fff"/>` +
    `<g transform="rotate(${d.rotate ?? 0} ${WIDTH / 2} ${height / 2})"${d.blur ? ' filter="url(#b)"' : ''} ` +
    `font-family="${family}" font-size="${FONT_PX}" fill="#111">` +
    `<text x="${WIDTH / 2}" y="${MARGIN + 30}" font-size="${FONT_PX + 8}" text-anchor="middle">${esc(letter.subject)}</text>` +
    `${rows}</g></svg>`;
  return { svg, height };
}

/** Mulberry32 (src/seed/random.ts): a small seeded generator. */
const rng = (seed: number) => createRng(seed).next;

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** 8-bit greyscale PNG of `grey` (width × height). */
export function greyPng(grey: Uint8Array, width: number, height: number): Buffer {
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 0; // filter: none
    raw.set(grey.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The letter as a PNG page, clean or degraded. */
export function renderLetter(letter: LetterText, d: Degradation = {}): Buffer {
  const { svg } = svgOf(letter, d);
  const fonts = cjkFonts();
  const img = new Resvg(svg, {
    font: { fontFiles: [fonts.regular], loadSystemFonts: false, defaultFontFamily: fonts.family },
  }).render();
  const { width, height, pixels } = img;
  const grey = new Uint8Array(width * height);
  const rand = rng(d.seed ?? 1);
  for (let i = 0; i < width * height; i++) {
    let v =
      0.299 * (pixels[i * 4] ?? 0) + 0.587 * (pixels[i * 4 + 1] ?? 0) + 0.114 * (pixels[i * 4 + 2] ?? 0);
    if (d.noise) {
      // Box–Muller: one normal deviate per pixel.
      const n = Math.sqrt(-2 * Math.log(rand() || 1e-12)) * Math.cos(2 * Math.PI * rand());
      v += n * d.noise;
    }
    grey[i] = Math.max(0, Math.min(255, Math.round(v)));
  }
  return greyPng(grey, width, height);
}

/**
 * Character accuracy: 1 − Levenshtein(ocr, reference) / |reference|, after NFKC (a fullwidth colon
 * read as ':' is the same character to a reader) and with whitespace removed.
 */
export function characterAccuracy(ocr: string, reference: string): number {
  const a = [...ocr.normalize('NFKC').replace(/\s+/g, '')];
  const b = [...reference.normalize('NFKC').replace(/\s+/g, '')];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const same = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + same);
    }
    prev = cur;
  }
  return b.length === 0 ? 1 : Math.max(0, 1 - (prev[b.length] ?? 0) / b.length);
}

/** Three letters of the kinds a bureau receives, with the fields a registrar would type. */
type Sample = LetterText & { name: string; phone: string; address: string };
export const SAMPLE_LETTERS: [Sample, Sample, Sample] = [
  {
    subject: '关于小区供暖不达标的来信',
    lines: [
      '尊敬的信访局领导：',
      '　　我是鼓楼区华山路十二号小区的居民。今年入冬以来，小区供暖温度',
      '长期低于十六度，老人孩子受冻，多次向物业和热力公司反映均无结果。',
      '恳请贵局督促有关部门尽快查明原因，保障居民正常供暖。',
      '姓名：王建国',
      '联系电话：13912345678',
      '住址：江苏省徐州市鼓楼区华山路12号3单元502室',
      '二〇二六年十一月二十日',
    ],
    name: '王建国',
    phone: '13912345678',
    address: '江苏省徐州市鼓楼区华山路12号3单元502室',
  },
  {
    subject: '关于拖欠农民工工资问题的反映',
    lines: [
      '县信访局：',
      '　　我们是在城南安置房项目干活的二十三名农民工，从今年三月到八月',
      '共被拖欠工资四十六万元。施工方一直以开发商未付工程款为由推脱，',
      '劳动监察大队来过一次后再无音讯。年关将近，大家急需这笔钱养家，',
      '请求政府帮助协调解决，依法督促用人单位支付拖欠的工资。',
      '信访人：李春梅（代表）',
      '手机：15851234567',
      '地址：江苏省宿迁市沭阳县城南安置房工地宿舍',
    ],
    name: '李春梅',
    phone: '15851234567',
    address: '江苏省宿迁市沭阳县城南安置房工地宿舍',
  },
  {
    subject: '关于道路施工噪音扰民的投诉',
    lines: [
      '尊敬的领导：',
      '　　南京市玄武区龙蟠路东段改造工程近两个月来夜间连续施工，',
      '挖掘机和运输车辆的噪音一直持续到凌晨两三点，附近居民无法休息。',
      '我们曾拨打城管热线，施工单位只停了两天又恢复夜间作业。',
      '希望有关部门依法查处，并公开夜间施工许可的情况。',
      '具名：陈晓东',
      '联系电话：18762345190',
      '住址：南京市玄武区龙蟠路88号',
    ],
    name: '陈晓东',
    phone: '18762345190',
    address: '南京市玄武区龙蟠路88号',
  },
];

/** The text a letter prints, for the accuracy measure. */
export const printedText = (l: LetterText) => [l.subject, ...l.lines].join('\n');
