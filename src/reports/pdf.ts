// A written report (专报, 通报) as PDF with pdfmake. Font: the system Noto CJK collections (fonts-noto-cjk), read by
// pdfkit from the .ttc with the face's PostScript name and embedded as a subset with a ToUnicode
// map, so the text is extractable. Charts are the same PNGs as in the Word file.

import type { Content } from 'pdfmake';
import { configuredPdfmake, MM, type TDocumentDefinitions } from '../documents/pdfmake.ts';
import { type ReportBlock, type ReportLayout, scaleWidths } from './layout.ts';

const TEXT_WIDTH = 442; // A4 less the margins, in points
const CELL_PADDING = 8; // pdfmake's default left + right padding of a cell

function block(b: ReportBlock): Content[] {
  if (b.type === 'image')
    return [
      {
        image: `data:image/png;base64,${b.png.toString('base64')}`,
        width: 420,
        alignment: 'center',
        margin: [0, 6, 0, 0],
      },
      { text: b.caption, fontSize: 11, alignment: 'center', margin: [0, 0, 0, 8] },
    ];
  return [
    {
      table: {
        headerRows: 1,
        widths: scaleWidths(b.widths, TEXT_WIDTH - CELL_PADDING * b.widths.length),
        body: [
          b.header.map((h) => ({ text: h, font: 'Heading', alignment: 'center' as const })),
          ...b.rows.map((r) =>
            r.map((c, i) => ({ text: c, alignment: i === 0 ? ('left' as const) : ('center' as const) })),
          ),
        ],
      },
      fontSize: b.size === 'small' ? 9.5 : 11,
      margin: [0, 4, 0, 8],
    },
  ];
}

export async function renderPdf(layout: ReportLayout): Promise<Buffer> {
  const pdfmake = configuredPdfmake();
  const content: Content[] = [
    { text: layout.title, font: 'Heading', fontSize: 22, alignment: 'center', margin: [0, 0, 0, 8] },
  ];
  if (layout.documentNumber)
    content.push({ text: layout.documentNumber, alignment: 'center', margin: [0, 0, 0, 4] });
  content.push({
    text: `${layout.issuingBody}\u3000${layout.dateLine}`,
    alignment: 'center',
    margin: [0, 0, 0, 16],
  });
  if (layout.addressee) content.push({ text: `${layout.addressee}：`, margin: [0, 0, 0, 4] });
  for (const section of layout.sections) {
    content.push({ text: section.heading, font: 'Heading', margin: [32, 8, 0, 4], headlineLevel: 1 });
    for (const line of section.text.split('\n').filter((l) => l.trim() !== ''))
      content.push({ text: line.trim(), leadingIndent: 32, alignment: 'justify', margin: [0, 0, 0, 4] });
    content.push(...section.blocks.flatMap(block));
  }
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [28 * MM, 37 * MM, 26 * MM, 35 * MM],
    info: { title: layout.title, author: layout.issuingBody, creator: 'xinfang', creationDate: layout.at },
    defaultStyle: { font: 'Body', fontSize: 14, lineHeight: 1.4 },
    footer: (page: number) => ({
      text: `— ${page} —`,
      alignment: 'center',
      fontSize: 12,
      style: 'pageNumber',
    }),
    styles: { pageNumber: {} },
    // A heading last on its page (the page number aside) starts the next one: it stays with its text.
    pageBreakBefore: (node, q) =>
      node.headlineLevel === 1 && q.getFollowingNodesOnPage().every((n) => n.style === 'pageNumber'),
    content,
  };
  return pdfmake.createPdf(doc).getBuffer();
}
