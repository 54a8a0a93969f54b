// The same document as layout.ts lays out for Word, as PDF (pdfmake, fonts embedded): citizens
// read their opinions on phones, which have no 仿宋 and often no Word viewer. Same text, same
// order, same 公文 page (A4, margins 37/35/28/26 mm, 三号 body on a 28 pt line, 二号 title).
import type { Content } from 'pdfmake';
import type { LayoutInput } from './layout.ts';
import { configuredPdfmake, MM, type TDocumentDefinitions } from './pdfmake.ts';
import type { Block } from './types.ts';

const BODY = 16; // 三号
const TITLE = 22; // 二号
// pdfmake multiplies by the face's own line height (Noto CJK: 1.448 em): 16 × 1.448 × 1.21 ≈ 28 pt.
const LINE = 1.21;
const INDENT = 2 * BODY; // two characters
const TEXT_WIDTH = 595.28 - (28 + 26) * MM;

function block(b: Block): Content[] {
  switch (b.type) {
    case 'p':
      return [{ text: b.text, leadingIndent: INDENT, alignment: 'justify' }];
    case 'heading':
      return [{ text: b.text, font: 'Heading', leadingIndent: INDENT }];
    case 'fields':
      return [
        {
          table: {
            widths: [TEXT_WIDTH * 0.25 - 10, TEXT_WIDTH * 0.75 - 10],
            body: b.rows.map(([label, value]) => [
              { text: label, font: 'Heading', alignment: 'center' as const },
              { text: value },
            ]),
          },
          margin: [0, 0, 0, 14],
        },
      ];
  }
}

/** The document as PDF bytes; `at` is stamped as the creation date (same input, same content). */
export async function layoutPdf(input: LayoutInput, at: Date): Promise<Buffer> {
  const pdfmake = configuredPdfmake();
  const { model } = input;
  const title = { font: 'Heading', fontSize: TITLE, alignment: 'center' as const, lineHeight: 1.2 };
  const signature = {
    alignment: 'right' as const,
    margin: [0, 0, 4 * BODY, 0] as [number, number, number, number],
  };
  const content: Content[] = [
    { text: input.issuingBody, ...title },
    { text: model.title, ...title, margin: [0, 4, 0, BODY] },
    { text: input.documentNumber, alignment: 'center', margin: [0, 0, 0, BODY] },
    { text: `${model.addressee}：` },
    ...model.blocks.flatMap(block),
    ...(model.closing ? [{ text: model.closing, leadingIndent: INDENT }] : []),
    { text: input.issuingBody, ...signature, margin: [0, 3 * BODY, 4 * BODY, 0] },
    { text: input.issuedDate, ...signature },
    ...(input.contactPhone
      ? [{ text: `（联系电话：${input.contactPhone}）`, leadingIndent: INDENT, margin: [0, BODY, 0, 0] }]
      : []),
  ] as Content[];
  const footerNote =
    input.footerNote ?? `信访件编号：${input.caseNumber}\u3000可凭信访件编号和查询码查询办理进展`;
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [28 * MM, 37 * MM, 26 * MM, 35 * MM],
    info: { title: model.title, author: input.issuingBody, creator: 'xinfang', creationDate: at },
    defaultStyle: { font: 'Body', fontSize: BODY, lineHeight: LINE },
    footer: (page: number) => ({
      stack: [
        { text: footerNote, fontSize: 10.5, lineHeight: 1.2 },
        { text: `— ${page} —`, fontSize: 14, lineHeight: 1.2 },
      ],
      alignment: 'center',
      margin: [0, 20, 0, 0],
    }),
    content,
  };
  return pdfmake.createPdf(doc).getBuffer();
}
