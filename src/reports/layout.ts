// A written report as laid out, before Word or PDF: the title, who issues it and when, then its
// sections (heading, editable text, tables and charts). The monthly 专报 and the monthly 通报
// (src/bulletins) both fill this and share one renderer per format, so they keep one house style.

export type ReportBlock =
  /** `widths`: relative column widths (the renderers scale them to the text width). */
  | {
      type: 'table';
      header: readonly string[];
      rows: string[][];
      widths: readonly number[];
      /** 'small': 五号 instead of 小四, for tables of many columns. */
      size?: 'small';
    }
  | { type: 'image'; png: Buffer; caption: string; name: string };

export interface ReportSectionLayout {
  heading: string;
  /** Paragraphs separated by newlines. */
  text: string;
  blocks: ReportBlock[];
}

export interface ReportLayout {
  title: string;
  issuingBody: string;
  /** 2026年11月3日, or （草稿）. */
  dateLine: string;
  /** The file's subject property. */
  subject: string;
  /** The instant stamped into the file (same input → same bytes). */
  at: Date;
  /** 文号 under the title (通报). */
  documentNumber?: string;
  /** 主送 line before the body, without the colon (通报). */
  addressee?: string;
  sections: ReportSectionLayout[];
}

/** Relative widths scaled to `total`, rounded, summing exactly to `total`. */
export function scaleWidths(widths: readonly number[], total: number): number[] {
  const sum = widths.reduce((a, b) => a + b, 0) || 1;
  const out = widths.map((w) => Math.floor((w / sum) * total));
  const rest = total - out.reduce((a, b) => a + b, 0);
  if (out.length > 0) out[0] = (out[0] ?? 0) + rest;
  return out;
}

/** A line that introduces what follows (以下地区和单位存在的问题予以通报：): it keeps with it on the page. */
export const introduces = (line: string): boolean => /[：:]$/.test(line);
