// What a scanned letter may be before it reaches the OCR engine: PNG or JPEG, told by its first
// bytes (not by what the client claims), within a size in pixels — a small file can declare a huge
// page, and the decoder would allocate it all. Pure: reads the header only.

export const OCR_IMAGE_TYPES = ['image/png', 'image/jpeg'] as const;
export type OcrImageType = (typeof OCR_IMAGE_TYPES)[number];

/** Largest upload (bytes), side (pixels) and area (pixels): an A4 page at 600 dpi fits. */
export const OCR_LIMITS = { maxBytes: 10 * 1024 * 1024, maxSide: 8000, maxPixels: 36_000_000 } as const;

export interface ImageHeader {
  type: OcrImageType;
  width: number;
  height: number;
}

function pngHeader(b: Buffer): ImageHeader | undefined {
  // Signature, then the IHDR chunk: length (4), "IHDR", width (4), height (4).
  if (b.length < 24 || b.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { type: 'image/png', width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

function jpegHeader(b: Buffer): ImageHeader | undefined {
  // Walk the segments to the first start-of-frame (SOF0–SOF15 but DHT, JPG and DAC).
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1] ?? 0;
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    const len = b.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return { type: 'image/jpeg', height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
    if (len < 2) return undefined;
    i += 2 + len;
  }
  return undefined;
}

/** The image's type and size from its header, or why it cannot be read. */
export function readImageHeader(
  b: Buffer,
): { ok: true; header: ImageHeader } | { ok: false; code: 'ocr_image_type' | 'ocr_image_size' } {
  const png = b.length >= 8 && b.readUInt32BE(0) === 0x89504e47 && b.readUInt32BE(4) === 0x0d0a1a0a;
  const jpeg = b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
  const header = png ? pngHeader(b) : jpeg ? jpegHeader(b) : undefined;
  if (!header) return { ok: false, code: 'ocr_image_type' };
  const { width, height } = header;
  if (width < 1 || height < 1 || width > OCR_LIMITS.maxSide || height > OCR_LIMITS.maxSide)
    return { ok: false, code: 'ocr_image_size' };
  if (width * height > OCR_LIMITS.maxPixels) return { ok: false, code: 'ocr_image_size' };
  return { ok: true, header };
}
