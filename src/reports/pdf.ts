// The 专报 as PDF with pdfmake. Font: the system Noto CJK collections (fonts-noto-cjk), read by
// pdfkit from the .ttc with the face's PostScript name and embedded as a subset with a ToUnicode
// map, so the text is extractable. Charts are the same PNGs as in the Word file.

import type { Content } from 'pdfmake';
import pdfmake from 'pdfmake';
import { type ChartKey, chartCaption } from './charts.ts';
import { FIGURE_HEADER, FORECAST_HEADER, figureRows, forecastRows } from './figures.ts';
import { cjkFonts } from './fonts.ts';
import type { RenderInput } from './render.ts';
import { SECTION_HEADINGS, SECTION_KEYS, type SectionKey } from './types.ts';

type TDocumentDefinitions = Parameters<typeof pdfmake.createPdf>[0];
/** pdfkit takes [file, PostScript name] for a face inside a collection (.ttc); its types know only a file. */
type FontSource = NonNullable<Parameters<typeof pdfmake.setFonts>[0][string]['normal']>;
const face = (file: string, name: string) => [file, name] as unknown as FontSource;

let configured = false;

function configure(): void {
  if (configured) return;
  const f = cjkFonts();
  pdfmake.setFonts({
    Body: { normal: face(f.serif, f.serifName), bold: face(f.bold, f.boldName) },
    Heading: { normal: face(f.bold, f.boldName), bold: face(f.bold, f.boldName) },
  });
  // Documents come from our own definitions: no URLs, and only the font files on disk.
  pdfmake.setUrlAccessPolicy(() => false);
  const allowed = new Set([f.serif, f.bold, f.regular]);
  pdfmake.setLocalAccessPolicy((p: string) => allowed.has(p));
  configured = true;
}

const MM = 72 / 25.4;

const grid = (header: readonly string[], body: string[][]): Content => ({
  table: {
    headerRows: 1,
    widths: ['*', 'auto', 'auto', 'auto'],
    body: [
      header.map((h) => ({ text: h, font: 'Heading', alignment: 'center' as const })),
      ...body.map((r) =>
        r.map((c, i) => ({ text: c, alignment: i === 0 ? ('left' as const) : ('center' as const) })),
      ),
    ],
  },
  fontSize: 11,
  margin: [0, 4, 0, 8],
});

export async function renderPdf(input: RenderInput): Promise<Buffer> {
  configure();
  const { data, sections, charts } = input;
  const image = (k: ChartKey): Content[] => [
    {
      image: `data:image/png;base64,${charts[k].toString('base64')}`,
      width: 420,
      alignment: 'center',
      margin: [0, 6, 0, 0],
    },
    { text: chartCaption(k, data), fontSize: 11, alignment: 'center', margin: [0, 0, 0, 8] },
  ];
  const extra: Record<SectionKey, Content[]> = {
    situation: [
      grid(FIGURE_HEADER, figureRows(data)),
      ...image('trend'),
      ...image('regions'),
      ...image('categories'),
    ],
    problems: [],
    forecast: [grid(FORECAST_HEADER, forecastRows(data)), ...image('forecast')],
    suggestions: [],
  };
  const content: Content[] = [
    { text: input.title, font: 'Heading', fontSize: 22, alignment: 'center', margin: [0, 0, 0, 8] },
    { text: `${input.issuingBody}\u3000${input.dateLine}`, alignment: 'center', margin: [0, 0, 0, 16] },
  ];
  for (const k of SECTION_KEYS) {
    content.push({ text: SECTION_HEADINGS[k], font: 'Heading', margin: [32, 8, 0, 4] });
    for (const line of sections[k].split('\n').filter((l) => l.trim() !== ''))
      content.push({ text: line.trim(), leadingIndent: 32, alignment: 'justify', margin: [0, 0, 0, 4] });
    content.push(...extra[k]);
  }
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [28 * MM, 37 * MM, 26 * MM, 35 * MM],
    info: { title: input.title, author: input.issuingBody, creator: 'xinfang', creationDate: input.at },
    defaultStyle: { font: 'Body', fontSize: 14, lineHeight: 1.4 },
    footer: (page: number) => ({ text: `— ${page} —`, alignment: 'center', fontSize: 12 }),
    content,
  };
  return pdfmake.createPdf(doc).getBuffer();
}
