// A written report (专报, 通报) as a Word file, in the house style of src/documents/layout.ts (A4, 仿宋 三号 body on a
// 28 pt grid, 黑体 headings, 二号 title). Charts are PNG. Deterministic: the same data,
// texts and date give the same bytes (zip times and core.xml from `at`, drawing ids fixed).
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
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
import { introduces, type ReportBlock, type ReportLayout, scaleWidths } from './layout.ts';

const TABLE = pt(12); // 小四
const SMALL_TABLE = pt(10.5); // 五号
const TEXT_WIDTH = 8844; // A4 less the margins, in twips

function table(b: Extract<ReportBlock, { type: 'table' }>): Table {
  const { header, rows: body } = b;
  const widths = scaleWidths(b.widths, TEXT_WIDTH);
  const size = b.size === 'small' ? SMALL_TABLE : TABLE;
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
          spacing: { line: size === TABLE ? 360 : 300, lineRule: LineRuleType.EXACT },
          children: [run(text, { size, font: head ? HEADING_FONT : BODY_FONT })],
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

function image(b: Extract<ReportBlock, { type: 'image' }>, id: number): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: PICTURE_LINE,
      keepNext: true, // the caption stays with its chart
      children: [
        new ImageRun({
          type: 'png',
          data: b.png,
          transformation: { width: 580, height: 290 },
          altText: { id: String(id), name: b.name, description: b.caption, title: b.caption },
        }),
      ],
    }),
    para(b.caption, { alignment: AlignmentType.CENTER }, { size: TABLE }),
  ];
}

const textParagraphs = (text: string) =>
  text
    .split('\n')
    .map((t) => t.trim())
    .filter((t) => t !== '')
    // A line that introduces a list (…予以通报：) keeps with the list, as a heading does.
    .map((t) => para(t, { indent: INDENT, alignment: AlignmentType.BOTH, keepNext: introduces(t) }));

export async function renderDocx(layout: ReportLayout): Promise<Buffer> {
  const { title, issuingBody, dateLine } = layout;
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
  ];
  if (layout.documentNumber) body.push(para(layout.documentNumber, { alignment: AlignmentType.CENTER }));
  body.push(
    para(`${issuingBody}\u3000${dateLine}`, { alignment: AlignmentType.CENTER }, { font: font('KaiTi') }),
    new Paragraph({ spacing: LINE, children: [] }),
  );
  if (layout.addressee) body.push(para(`${layout.addressee}：`));
  let images = 0;
  for (const section of layout.sections) {
    // keepNext: a heading never ends a page with its text on the next one.
    body.push(para(section.heading, { indent: INDENT, keepNext: true }, { font: HEADING_FONT }));
    body.push(...textParagraphs(section.text));
    for (const b of section.blocks) body.push(...(b.type === 'table' ? [table(b)] : image(b, ++images)));
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
    subject: layout.subject,
    at: layout.at,
  });
  return buffer;
}
