// pdfmake set up once for every PDF of the platform (专报, 通报, 文书): the Noto CJK faces as
// 'Body' (serif, close to 仿宋/宋体) and 'Heading' (bold sans, close to 黑体), read by pdfkit from the
// .ttc with the face's PostScript name and embedded as a subset with a ToUnicode map, so the text
// is extractable and a phone without Chinese office fonts shows it as printed.
import pdfmake from 'pdfmake';
import { cjkFonts } from './fonts.ts';

export type TDocumentDefinitions = Parameters<typeof pdfmake.createPdf>[0];
/** pdfkit takes [file, PostScript name] for a face inside a collection (.ttc); its types know only a file. */
type FontSource = NonNullable<Parameters<typeof pdfmake.setFonts>[0][string]['normal']>;
const face = (file: string, name: string) => [file, name] as unknown as FontSource;

let configured = false;

export function configuredPdfmake(): typeof pdfmake {
  if (configured) return pdfmake;
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
  return pdfmake;
}

export const MM = 72 / 25.4;
