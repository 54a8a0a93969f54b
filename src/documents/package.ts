// Deterministic .docx bytes: the same input gives the same file. docx stamps the current time in
// docProps/core.xml and in every zip entry header; both are replaced here by the issue instant.
import { createHash } from 'node:crypto';
import { type Document, Packer } from 'docx';

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** W3C DTF without milliseconds, as Word writes it. */
const w3cdtf = (d: Date) => `${d.toISOString().slice(0, 19)}Z`;

export function coreXml(meta: { title: string; creator: string; subject: string; at: Date }): string {
  const when = w3cdtf(meta.at);
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"',
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    `<dc:title>${escapeXml(meta.title)}</dc:title>`,
    `<dc:subject>${escapeXml(meta.subject)}</dc:subject>`,
    `<dc:creator>${escapeXml(meta.creator)}</dc:creator>`,
    `<cp:lastModifiedBy>${escapeXml(meta.creator)}</cp:lastModifiedBy>`,
    '<cp:revision>1</cp:revision>',
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>`,
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>`,
    '</cp:coreProperties>',
  ].join('');
}

/** MS-DOS date and time of an instant's Asia/Shanghai wall clock (1980-01-01 at the earliest). */
function dosDateTime(at: Date): { date: number; time: number } {
  const t = new Date(Math.max(at.getTime() + SHANGHAI_OFFSET_MS, Date.UTC(1980, 0, 1)));
  return {
    date: ((t.getUTCFullYear() - 1980) << 9) | ((t.getUTCMonth() + 1) << 5) | t.getUTCDate(),
    time: (t.getUTCHours() << 11) | (t.getUTCMinutes() << 5) | (t.getUTCSeconds() >> 1),
  };
}

/** Rewrites the modification time of every entry, in the central directory and the local headers. */
export function setZipTimestamps(zip: Buffer, at: Date): Buffer {
  const { date, time } = dosDateTime(at);
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip file: no end of central directory');
  const entries = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let n = 0; n < entries; n++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error('corrupt zip central directory');
    zip.writeUInt16LE(time, p + 12);
    zip.writeUInt16LE(date, p + 14);
    const local = zip.readUInt32LE(p + 42);
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error('corrupt zip local header');
    zip.writeUInt16LE(time, local + 10);
    zip.writeUInt16LE(date, local + 12);
    p += 46 + zip.readUInt16LE(p + 28) + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return zip;
}

export async function packDeterministic(
  doc: Document,
  meta: { title: string; creator: string; subject: string; at: Date },
): Promise<{ buffer: Buffer; sha256: string }> {
  const packed = await Packer.toBuffer(doc, false, [{ path: 'docProps/core.xml', data: coreXml(meta) }]);
  const buffer = setZipTimestamps(Buffer.from(packed), meta.at);
  return { buffer, sha256: createHash('sha256').update(buffer).digest('hex') };
}
