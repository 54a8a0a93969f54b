// The visible text of a .docx (word/document.xml), one line per paragraph: for tests that read
// what a generated document says.
import { inflateRawSync } from 'node:zlib';

function entry(zip: Buffer, wanted: string): Buffer {
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip file');
  let p = zip.readUInt32LE(eocd + 16);
  for (let n = zip.readUInt16LE(eocd + 10); n > 0; n--) {
    const nameLen = zip.readUInt16LE(p + 28);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLen);
    if (name === wanted) {
      const local = zip.readUInt32LE(p + 42);
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const raw = zip.subarray(start, start + zip.readUInt32LE(p + 20));
      return zip.readUInt16LE(p + 10) === 8 ? inflateRawSync(raw) : Buffer.from(raw);
    }
    p += 46 + nameLen + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  throw new Error(`${wanted} not in the file`);
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };

export function docxText(docx: Buffer): string {
  return entry(docx, 'word/document.xml')
    .toString('utf8')
    .split('</w:p>')
    .map((para) => [...para.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1] ?? '').join(''))
    .join('\n')
    .replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ENTITIES[e] ?? '');
}
