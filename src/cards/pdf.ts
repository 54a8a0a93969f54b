// The printable rights card (权益保障卡) as PDF with pdfmake, in the house style of the written
// reports (Noto CJK, title in the heading face): the card's face — number, holder (as the caller sees it:
// printed for its holder in full, masked for roles that see parties masked), issuing body, date, the QR
// code to its page — then the handling written on it
// (受理、办理、答复、复查、复核 with dates and units) and the holder's rights and duties (逐级走访).
import type { Content } from 'pdfmake';
import pdfmake from 'pdfmake';
import QRCode from 'qrcode';
import { cjkFonts } from '../documents/fonts.ts';
import { chineseDate } from '../documents/format.ts';
import { CARD_STAGE_NAMES, type CardEntry } from '../domain/cards/levels.ts';
import { LEVEL_NAMES } from '../domain/receptions/kinds.ts';

type TDocumentDefinitions = Parameters<typeof pdfmake.createPdf>[0];
type FontSource = NonNullable<Parameters<typeof pdfmake.setFonts>[0][string]['normal']>;
const face = (file: string, name: string) => [file, name] as unknown as FontSource;

function configure(): void {
  const f = cjkFonts();
  // The same families as the reports' PDF (src/reports/pdf.ts): setting them again is harmless.
  pdfmake.setFonts({
    Body: { normal: face(f.serif, f.serifName), bold: face(f.bold, f.boldName) },
    Heading: { normal: face(f.bold, f.boldName), bold: face(f.bold, f.boldName) },
  });
  pdfmake.setUrlAccessPolicy(() => false);
  const allowed = new Set([f.serif, f.bold, f.regular]);
  pdfmake.setLocalAccessPolicy((p: string) => allowed.has(p));
}

export interface CardPdfData {
  cardNo: string;
  holder: string;
  unit: string;
  level: number;
  issuedAt: Date;
  caseNumber: string;
  entries: readonly CardEntry[];
  qrUrl: string;
}

const RIGHTS = [
  '持卡人享有依法提出信访事项、查询办理进展、对处理意见申请复查和复核等权利。',
  '请到有权处理的本级或者上一级机关设立或者指定的接待场所走访，逐级反映诉求，走访时出示本卡。',
  '对处理意见不服的，可自收到书面答复之日起30日内请求原办理机关的上一级机关复查；对复查意见不服的，可自收到复查意见之日起30日内向复查机关的上一级机关请求复核。',
  '越级走访的，接待机关将告知并引导您到有权处理的机关反映。扫描二维码可查看本卡记载的办理情况。',
];

export async function renderCardPdf(d: CardPdfData): Promise<Buffer> {
  configure();
  const qr = await QRCode.toDataURL(d.qrUrl, { margin: 1, width: 240, errorCorrectionLevel: 'M' });
  const face: Content = {
    table: {
      widths: ['*', 130],
      body: [
        [
          {
            stack: [
              { text: '依法逐级走访权益保障卡', font: 'Heading', fontSize: 18, margin: [0, 0, 0, 10] },
              { text: `卡\u3000\u3000号：${d.cardNo}` },
              { text: `持卡人：${d.holder}` },
              { text: `发卡机关：${d.unit}（${LEVEL_NAMES[d.level] ?? ''}）` },
              { text: `发卡日期：${chineseDate(d.issuedAt)}` },
              { text: `信访件编号：${d.caseNumber}` },
            ],
            margin: [8, 8, 8, 8],
          },
          { image: qr, width: 120, alignment: 'center', margin: [0, 10, 0, 4] },
        ],
      ],
    },
    layout: { hLineWidth: () => 1.2, vLineWidth: (i: number) => (i === 1 ? 0 : 1.2) },
    margin: [0, 0, 0, 14],
  };
  const rows = d.entries.map((e) => [
    CARD_STAGE_NAMES[e.stage],
    chineseDate(new Date(e.at)),
    e.unit,
    LEVEL_NAMES[e.level] ?? '',
  ]);
  const content: Content[] = [
    face,
    { text: '办理情况记载', font: 'Heading', fontSize: 14, margin: [0, 0, 0, 6] },
    {
      table: {
        headerRows: 1,
        widths: [50, 110, '*', 50],
        body: [
          ['环节', '日期', '办理单位', '层级'].map((h) => ({
            text: h,
            font: 'Heading',
            alignment: 'center' as const,
          })),
          ...(rows.length ? rows : [['—', '—', '尚无记载', '—']]),
        ],
      },
      fontSize: 11,
      margin: [0, 0, 0, 14],
    },
    { text: '持卡须知', font: 'Heading', fontSize: 14, margin: [0, 0, 0, 6] },
    ...RIGHTS.map((t, i) => ({
      text: `${i + 1}. ${t}`,
      fontSize: 11,
      margin: [0, 0, 0, 4] as [number, number, number, number],
    })),
  ];
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [56, 56, 56, 56],
    info: { title: `权益保障卡 ${d.cardNo}`, author: d.unit, creator: 'xinfang', creationDate: d.issuedAt },
    defaultStyle: { font: 'Body', fontSize: 12, lineHeight: 1.35 },
    content,
  };
  return pdfmake.createPdf(doc).getBuffer();
}
