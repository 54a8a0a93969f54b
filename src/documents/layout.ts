// Layout of an official document (公文 style): A4, 仿宋 三号 body on a 28 pt grid, 二号 bold title,
// 文号 line, addressee, indented paragraphs, right-aligned signature and date, footer note.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  type IFontAttributesProperties,
  LineRuleType,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Block, DocumentModel } from './types.ts';

// The house style of official documents (公文): fonts, sizes, line grid; shared with the 专报.
/** Fonts are named, not embedded: Word and LibreOffice substitute what the machine has. */
export const font = (eastAsia: string): IFontAttributesProperties => ({
  ascii: 'Times New Roman',
  hAnsi: 'Times New Roman',
  cs: eastAsia,
  eastAsia,
});
export const BODY_FONT = font('FangSong'); // 仿宋
export const TITLE_FONT = font('SimSun'); // 宋体 (小标宋 where installed is substituted by the viewer)
export const HEADING_FONT = font('SimHei'); // 黑体

export const pt = (n: number) => n * 2; // docx sizes are half-points
export const BODY_SIZE = pt(16); // 三号
export const TITLE_SIZE = pt(22); // 二号
export const FOOTER_SIZE = pt(10.5); // 五号
export const CHAR = 320; // one 三号 character in twips
export const LINE = { line: 560, lineRule: LineRuleType.EXACT }; // 28 pt: 22 lines on a page
export const INDENT = { firstLine: 2 * CHAR, firstLineChars: 200 };
// A paragraph that holds a picture: single automatic line spacing, so the line grows to the
// picture's height. Under the documents' exact 28 pt spacing, Word and LibreOffice cut a picture to
// a strip one line high.
export const PICTURE_LINE = { line: 240, lineRule: LineRuleType.AUTO, before: 120, after: 60 };

export type RunStyle = { font?: IFontAttributesProperties; size?: number; bold?: boolean };
export const run = (text: string, s: RunStyle = {}) =>
  new TextRun({ text, font: s.font ?? BODY_FONT, size: s.size ?? BODY_SIZE, bold: s.bold });

export const para = (
  text: string,
  opts: ConstructorParameters<typeof Paragraph>[0] & object = {},
  s?: RunStyle,
) => new Paragraph({ spacing: LINE, ...opts, children: [run(text, s)] });

const blank = () => new Paragraph({ spacing: LINE, children: [] });

function fieldsTable(rows: readonly (readonly [string, string])[]): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const cell = (text: string, width: number, label: boolean) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      borders,
      margins: { left: 100, right: 100 },
      children: [
        para(
          text,
          { alignment: label ? AlignmentType.CENTER : AlignmentType.LEFT },
          label ? { font: HEADING_FONT } : {},
        ),
      ],
    });
  return new Table({
    width: { size: 8844, type: WidthType.DXA },
    columnWidths: [2200, 6644],
    rows: rows.map(
      ([label, value]) => new TableRow({ children: [cell(label, 2200, true), cell(value, 6644, false)] }),
    ),
  });
}

function block(b: Block): (Paragraph | Table)[] {
  switch (b.type) {
    case 'p':
      return [para(b.text, { indent: INDENT, alignment: AlignmentType.BOTH })];
    case 'heading':
      return [para(b.text, { indent: INDENT }, { font: HEADING_FONT })];
    case 'fields':
      return [fieldsTable(b.rows), blank()];
  }
}

export interface LayoutInput {
  model: DocumentModel;
  issuingBody: string;
  documentNumber: string;
  caseNumber: string;
  issuedDate: string; // already in Chinese numerals
  contactPhone?: string;
  /** The footer's line instead of the case number and query hint (letters between offices). */
  footerNote?: string;
}

export function layoutDocument(input: LayoutInput): Document {
  const { model } = input;
  const titleStyle = { font: TITLE_FONT, size: TITLE_SIZE, bold: true };
  const titleSpacing = { line: 720, lineRule: LineRuleType.EXACT };
  const signature = { alignment: AlignmentType.RIGHT, indent: { right: 4 * CHAR } };
  const children: (Paragraph | Table)[] = [
    para(input.issuingBody, { alignment: AlignmentType.CENTER, spacing: titleSpacing }, titleStyle),
    para(model.title, { alignment: AlignmentType.CENTER, spacing: titleSpacing }, titleStyle),
    blank(),
    para(input.documentNumber, { alignment: AlignmentType.CENTER }),
    blank(),
    para(`${model.addressee}：`, {}),
    ...model.blocks.flatMap(block),
    ...(model.closing ? [para(model.closing, { indent: INDENT })] : []),
    blank(),
    blank(),
    blank(),
    para(input.issuingBody, signature),
    para(input.issuedDate, signature),
    ...(input.contactPhone ? [blank(), para(`（联系电话：${input.contactPhone}）`, { indent: INDENT })] : []),
  ];
  const footerStyle = { size: FOOTER_SIZE };
  const footer = new Footer({
    children: [
      para(
        input.footerNote ?? `信访件编号：${input.caseNumber}\u3000可凭信访件编号和查询码查询办理进展`,
        { alignment: AlignmentType.CENTER, spacing: { line: 300, lineRule: LineRuleType.EXACT } },
        footerStyle,
      ),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: BODY_FONT, size: pt(14) }),
        ],
      }),
    ],
  });
  return new Document({
    creator: input.issuingBody,
    title: model.title,
    styles: {
      default: {
        document: { run: { font: BODY_FONT, size: BODY_SIZE }, paragraph: { spacing: LINE } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 }, // A4
            margin: { top: 2098, bottom: 1984, left: 1588, right: 1474, footer: 850 }, // 37/35/28/26 mm
          },
        },
        footers: { default: footer },
        children,
      },
    ],
  });
}
