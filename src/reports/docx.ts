// The 专报 as a Word file, in the house style of src/documents/layout.ts (A4, 仿宋 三号 body on a
// 28 pt grid, 黑体 headings, 二号 title). Charts are PNG (charts.ts). Deterministic: the same data,
// texts and date give the same bytes (zip times and core.xml from `at`, drawing ids fixed).
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  type IFontAttributesProperties,
  ImageRun,
  LineRuleType,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import {
  BODY_FONT,
  BODY_SIZE,
  CHAR,
  font,
  HEADING_FONT,
  INDENT,
  LINE,
  PICTURE_LINE,
  para,
  pt,
  run,
  TITLE_FONT,
} from '../documents/layout.ts';
import { packDeterministic } from '../documents/package.ts';
import { CHART_KEYS, type ChartKey, chartCaption } from './charts.ts';
import { FIGURE_HEADER, FORECAST_HEADER, figureRows, forecastRows } from './figures.ts';
import type { RenderInput } from './render.ts';
import { SECTION_HEADINGS, SECTION_KEYS, type SectionKey } from './types.ts';

const TABLE = pt(12); // 小四
const TEXT_WIDTH = 8844; // A4 less the margins, in twips

function table(header: readonly string[], body: string[][], widths: number[]): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const cell = (text: string, w: number, head: boolean, first: boolean) =>
    new TableCell({
      width: { size: w, type: WidthType.DXA },
      borders,
      margins: { left: 80, right: 80 },
      children: [
        new Paragraph({
          alignment: first ? AlignmentType.LEFT : AlignmentType.CENTER,
          spacing: { line: 360, lineRule: LineRuleType.EXACT },
          children: [run(text, { size: TABLE, font: head ? HEADING_FONT : BODY_FONT })],
        }),
      ],
    });
  const row = (cells: readonly string[], head: boolean) =>
    new TableRow({
      tableHeader: head,
      children: cells.map((t, i) => cell(t, widths[i] ?? 1000, head, i === 0 && !head)),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [row(header, true), ...body.map((r) => row(r, false))],
  });
}

function chart(key: ChartKey, png: Buffer, id: number, caption: string): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: PICTURE_LINE,
      keepNext: true, // the caption stays with its chart
      children: [
        new ImageRun({
          type: 'png',
          data: png,
          transformation: { width: 580, height: 290 },
          altText: { id: String(id), name: `chart-${key}`, description: caption, title: caption },
        }),
      ],
    }),
    para(caption, { alignment: AlignmentType.CENTER }, { size: TABLE }),
  ];
}

const textParagraphs = (text: string) =>
  text
    .split('\n')
    .map((t) => t.trim())
    .filter((t) => t !== '')
    .map((t) => para(t, { indent: INDENT, alignment: AlignmentType.BOTH }));

export async function renderDocx(input: RenderInput): Promise<Buffer> {
  const { data, sections, title, issuingBody, dateLine, charts } = input;
  const figureWidths = [3044, 1934, 1933, 1933];
  const body: (Paragraph | Table)[] = [
    para(
      title,
      { alignment: AlignmentType.CENTER, spacing: { line: 720, lineRule: LineRuleType.EXACT } },
      {
        font: TITLE_FONT,
        size: pt(22),
        bold: true,
      },
    ),
    para(`${issuingBody}\u3000${dateLine}`, { alignment: AlignmentType.CENTER }, { font: font('KaiTi') }),
    new Paragraph({ spacing: LINE, children: [] }),
  ];
  const chartIds = new Map(CHART_KEYS.map((k, i) => [k, i + 1]));
  const charted = (k: ChartKey) => chart(k, charts[k], chartIds.get(k) ?? 1, chartCaption(k, data));
  const extra: Record<SectionKey, (Paragraph | Table)[]> = {
    situation: [
      table(FIGURE_HEADER, figureRows(data), figureWidths),
      ...charted('trend'),
      ...charted('regions'),
      ...charted('categories'),
    ],
    problems: [],
    forecast: [table(FORECAST_HEADER, forecastRows(data), figureWidths), ...charted('forecast')],
    suggestions: [],
  };
  for (const k of SECTION_KEYS) {
    body.push(para(SECTION_HEADINGS[k], { indent: INDENT }, { font: HEADING_FONT }));
    body.push(...textParagraphs(sections[k]), ...extra[k]);
  }
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: BODY_FONT, size: pt(14) }),
        ],
      }),
    ],
  });
  const doc = new Document({
    creator: issuingBody,
    title,
    styles: {
      default: { document: { run: { font: BODY_FONT, size: BODY_SIZE }, paragraph: { spacing: LINE } } },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 2098, bottom: 1984, left: 1588, right: 1474, footer: 850 },
          },
        },
        footers: { default: footer },
        children: body,
      },
    ],
  });
  const { buffer } = await packDeterministic(doc, {
    title,
    creator: issuingBody,
    subject: `${data.scope.fullName} ${data.period} 信访形势专报`,
    at: input.at,
  });
  return buffer;
}
