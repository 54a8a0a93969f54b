// A section heading of a written report (专报, 通报) never ends a page with its text on the next one,
// nor does a line introducing a list (以下…予以通报：): Word's keep-with-next (src/reports/docx.ts), a
// page break before such a line left last on its page in the PDF (src/reports/pdf.ts). Checked on the pages as rendered — the .docx
// through LibreOffice, both through poppler's pdftotext — for a layout whose 72 sections of 1 to 12
// paragraphs bring headings to every position on a page.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../src/reports/docx.ts';
import type { ReportLayout } from '../../src/reports/layout.ts';
import { renderPdf } from '../../src/reports/pdf.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xinfang-headings-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

// A heading, or a line introducing a list (LibreOffice spaces digits from Han characters).
const HEADING = /^第\s*\d+\s*部分(小标题|列举如下：)$/;
const layout: ReportLayout = {
  title: '关于分页的检验报告',
  issuingBody: '江苏省信访局',
  dateLine: '（草稿）',
  subject: '分页检验',
  at: new Date('2026-12-01T00:00:00Z'),
  sections: Array.from({ length: 72 }, (_, i) => ({
    heading: `第${i + 1}部分小标题`,
    // Every other section opens with a line introducing the list that follows (…如下：).
    text: [
      ...(i % 2 ? [`第${i + 1}部分列举如下：`] : []),
      ...Array.from({ length: (i % 12) + 1 }, (_, j) => `第${i + 1}部分的第${j + 1}段正文。`),
    ].join('\n'),
    blocks: [],
  })),
};

/** The last line of text on each page (the page number below it left out). */
function lastLines(pdf: string): string[] {
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
  return text
    .split('\f')
    .map((page) =>
      page
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '' && !/^—\s*\d+\s*—$/.test(l)),
    )
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.at(-1) as string);
}

describe('a section heading stays with its text', () => {
  it('in the PDF', async () => {
    const file = path.join(tmp, 'pdfmake.pdf');
    fs.writeFileSync(file, await renderPdf(layout));
    const last = lastLines(file);
    expect(last.length).toBeGreaterThan(3);
    expect(last.filter((l) => HEADING.test(l))).toEqual([]);
  });

  it('in the Word file, as LibreOffice lays it out', async () => {
    const file = path.join(tmp, 'layout.docx');
    fs.writeFileSync(file, await renderDocx(layout));
    execFileSync(
      'libreoffice',
      [
        `-env:UserInstallation=file://${path.join(tmp, 'lo')}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        tmp,
        file,
      ],
      { stdio: 'pipe', timeout: 120_000 },
    );
    const last = lastLines(path.join(tmp, 'layout.pdf'));
    expect(last.length).toBeGreaterThan(3);
    expect(last.filter((l) => HEADING.test(l))).toEqual([]);
  }, 150_000);
});
