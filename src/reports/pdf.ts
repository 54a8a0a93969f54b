// A written report (专报, 通报) as PDF with pdfmake. Font: the system Noto CJK collections (fonts-noto-cjk), read by
// pdfkit from the .ttc with the face's PostScript name and embedded as a subset with a ToUnicode
// map, so the text is extractable. Charts are the same PNGs as in the Word file.

import type { Content } from 'pdfmake';
import { configuredPdfmake, MM, type TDocumentDefinitions } from '../documents/pdfmake.ts';
import { introduces, type ReportBlock, type ReportLayout, scaleWidths } from './layout.ts';

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

const keepsWithNext = (node: { headlineLevel?: number }) => (node.headlineLevel ?? 0) > 0;

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
      content.push({
        text: line.trim(),
        leadingIndent: 32,
        alignment: 'justify',
        margin: [0, 0, 0, 4],
        // A line that introduces a list (…予以通报：) is kept with it like a heading.
        ...(introduces(line.trim()) ? { headlineLevel: 2 } : {}),
      });
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
    // A heading (or a list's introduction) with nothing after it on its page but the page number, or
    // lines that are to move on themselves, starts the next page: it stays with its text. (pdfmake
    // asks once per node, so a heading must see that the introduction after it will move.)
    pageBreakBefore: (node, q) =>
      keepsWithNext(node) &&
      q.getFollowingNodesOnPage().every((n) => n.style === 'pageNumber' || keepsWithNext(n)),
    content,
  };
  return pdfmake.createPdf(doc).getBuffer();
}
