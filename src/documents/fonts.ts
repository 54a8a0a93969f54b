// The CJK font the report needs for chart images (resvg) and the PDF (pdfmake): the Debian
// package fonts-noto-cjk (installed by .ci/run). Found here, once, with a clear error if missing;
// XINFANG_CJK_FONT_DIR points elsewhere (a folder holding the same .ttc files).
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors.ts';

export interface CjkFonts {
  regular: string; // NotoSansCJK-Regular.ttc
  bold: string; // NotoSansCJK-Bold.ttc (falls back to regular)
  /** PostScript names of the Simplified Chinese faces inside the collections (for pdfkit). */
  regularName: string;
  boldName: string;
  /** Family name as SVG text asks for it (for resvg). */
  family: string;
  /** Noto Serif CJK (closer to 仿宋/宋体 for the PDF body) when installed, else the sans face. */
  serif: string;
  serifName: string;
}

const DIRS = [
  '/usr/share/fonts/opentype/noto',
  '/usr/share/fonts/noto-cjk',
  '/usr/share/fonts/google-noto-cjk',
];

let found: CjkFonts | undefined;

export function cjkFonts(): CjkFonts {
  if (found) return found;
  const dirs = process.env.XINFANG_CJK_FONT_DIR ? [process.env.XINFANG_CJK_FONT_DIR, ...DIRS] : DIRS;
  for (const dir of dirs) {
    const regular = path.join(dir, 'NotoSansCJK-Regular.ttc');
    if (!fs.existsSync(regular)) continue;
    const bold = path.join(dir, 'NotoSansCJK-Bold.ttc');
    const serif = path.join(dir, 'NotoSerifCJK-Regular.ttc');
    found = {
      regular,
      bold: fs.existsSync(bold) ? bold : regular,
      regularName: 'NotoSansCJKsc-Regular',
      boldName: fs.existsSync(bold) ? 'NotoSansCJKsc-Bold' : 'NotoSansCJKsc-Regular',
      family: 'Noto Sans CJK SC',
      serif: fs.existsSync(serif) ? serif : regular,
      serifName: fs.existsSync(serif) ? 'NotoSerifCJKsc-Regular' : 'NotoSansCJKsc-Regular',
    };
    return found;
  }
  // 503 through the API (the server lacks a package), the plain message on the command line.
  throw new AppError(
    503,
    'font_missing',
    `未找到中文字体 NotoSansCJK-Regular.ttc（查找了 ${dirs.join('、')}）。请安装：apt-get install fonts-noto-cjk，` +
      '或设置 XINFANG_CJK_FONT_DIR / CJK font missing: install the Debian package fonts-noto-cjk',
  );
}
