// 附件: which files a matter takes (by the type sniffed from their bytes, never the client's word),
// how large each kind may be, what an attachment is for, and what a file name may hold. Pure tables.

export const ATTACHMENT_KINDS = ['image', 'pdf', 'audio'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export const KIND_NAMES: Record<AttachmentKind, string> = { image: '图片', pdf: 'PDF 文件', audio: '音频' };

/** Largest file of each kind, in bytes: phone photos and scans, multi-page PDFs, call recordings. */
export const KIND_MAX_BYTES: Record<AttachmentKind, number> = {
  image: 10 * 1024 * 1024,
  pdf: 20 * 1024 * 1024,
  audio: 30 * 1024 * 1024,
};

/** The largest of all kinds: the stream is cut there before the type is known. */
export const MAX_ATTACHMENT_BYTES = Math.max(...Object.values(KIND_MAX_BYTES));

/** Files in one upload, and on one matter in all. */
export const MAX_FILES_PER_UPLOAD = 10;
export const MAX_FILES_PER_CASE = 60;

/** Accepted content types (as file-type names them) and their kind. */
export const ALLOWED_TYPES: Readonly<Record<string, AttachmentKind>> = {
  'image/jpeg': 'image',
  'image/png': 'image',
  'image/webp': 'image',
  'image/gif': 'image',
  'image/heic': 'image',
  'image/tiff': 'image', // scanners
  'application/pdf': 'pdf',
  'audio/mpeg': 'audio',
  'audio/x-m4a': 'audio',
  'audio/mp4': 'audio',
  'audio/aac': 'audio',
  'audio/wav': 'audio',
  'audio/ogg': 'audio',
  'audio/opus': 'audio',
  'audio/amr': 'audio', // older phones' voice notes
};

export const kindOf = (mime: string | undefined): AttachmentKind | null =>
  mime !== undefined && Object.hasOwn(ALLOWED_TYPES, mime) ? (ALLOWED_TYPES[mime] ?? null) : null;

/** What a file is on the matter. */
export const ATTACHMENT_PURPOSES = ['intake', 'evidence', 'delivery_receipt', 'minutes', 'other'] as const;
export type AttachmentPurpose = (typeof ATTACHMENT_PURPOSES)[number];

export const PURPOSE_NAMES: Record<AttachmentPurpose, string> = {
  intake: '信访材料',
  evidence: '证据材料',
  delivery_receipt: '送达回证',
  minutes: '会议纪要',
  other: '其他',
};

/** What a petitioner may attach themselves (the rest are the handling units' records). */
export const CITIZEN_PURPOSES: readonly AttachmentPurpose[] = ['intake', 'evidence'];

export const MAX_NAME_CHARS = 120;

/**
 * A file name as the browser sent it → the name kept (path dropped, trimmed), or null when it holds
 * control characters (a NUL) or nothing: a 400, never a name that breaks a header or a query.
 */
export function cleanFileName(raw: string): string | null {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(raw)) return null;
  const base = raw.split(/[\\/]/).pop()?.trim() ?? '';
  if (base === '' || base === '.' || base === '..') return null;
  return [...base].slice(-MAX_NAME_CHARS).join('');
}

/** "3.2 MB" for messages. */
export const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
