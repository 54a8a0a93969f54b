// One uploaded file → what is kept: its type sniffed from the bytes (file-type; the client's word is
// ignored), checked against the kind's size limit, a thumbnail for images (sharp), the content and
// the thumbnail encrypted, addressed by a keyed hash of the content.
import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import {
  ALLOWED_TYPES,
  type AttachmentKind,
  KIND_MAX_BYTES,
  KIND_NAMES,
  kindOf,
  megabytes,
} from '../domain/attachments/kinds.ts';
import { AppError, badRequest } from '../errors.ts';
import type { Pii } from '../security/pii.ts';

export interface Incoming {
  name: string;
  bytes: Buffer;
}

export interface Prepared {
  name: string;
  kind: AttachmentKind;
  mime: string;
  size: number;
  sha256: string;
  blobKey: string;
  content: Buffer;
  thumbKey: string | null;
  thumb: Buffer | null;
}

/** Longest side of a thumbnail, in pixels (the case page shows them at 96 px, twice for phones). */
export const THUMB_SIZE = 240;

export const tooLarge = (message: string) => new AppError(413, 'attachment_too_large', message, 'file');

const ACCEPTED = '图片（JPEG、PNG、WebP、GIF、HEIC、TIFF）、PDF 或音频（MP3、M4A、AAC、WAV、OGG、AMR）';

export async function prepareFile(pii: Pii, f: Incoming): Promise<Prepared> {
  if (f.bytes.length === 0) throw badRequest('attachment_empty', `文件“${f.name}”是空的`, 'file');
  const sniffed = await fileTypeFromBuffer(f.bytes);
  const kind = kindOf(sniffed?.mime);
  if (!sniffed || !kind)
    throw new AppError(415, 'attachment_type', `文件“${f.name}”的类型不支持：只接受${ACCEPTED}`, 'file');
  const limit = KIND_MAX_BYTES[kind];
  if (f.bytes.length > limit)
    throw tooLarge(`文件“${f.name}”过大：${KIND_NAMES[kind]}不能超过 ${megabytes(limit)}`);
  const sha256 = createHash('sha256').update(f.bytes).digest('hex');
  const thumb = kind === 'image' ? await thumbnail(f.bytes) : null;
  return {
    name: f.name,
    kind,
    mime: sniffed.mime,
    size: f.bytes.length,
    sha256,
    blobKey: pii.hash(`attachment:${sha256}`),
    content: pii.encryptBytes(f.bytes),
    thumbKey: thumb ? pii.hash(`attachment-thumb:${sha256}`) : null,
    thumb: thumb ? pii.encryptBytes(thumb) : null,
  };
}

/**
 * A small JPEG, turned upright by its EXIF orientation (phone photos), with no metadata kept (GPS).
 * Null when the image cannot be decoded (HEIC without a decoder, a damaged file): the file is still
 * kept, the page shows an icon instead.
 */
async function thumbnail(bytes: Buffer): Promise<Buffer | null> {
  try {
    return await sharp(bytes, { limitInputPixels: 100_000_000, failOn: 'error' })
      .rotate()
      .resize(THUMB_SIZE, THUMB_SIZE, { fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 72 })
      .toBuffer();
  } catch {
    return null;
  }
}

/** For Content-Type on download: only types of the table (the row's mime is ours anyway). */
export const servedType = (mime: string) =>
  Object.hasOwn(ALLOWED_TYPES, mime) ? mime : 'application/octet-stream';
