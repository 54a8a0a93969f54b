// Documents at rest (case_documents): the data a document is rendered from, with the petitioner's
// name encrypted like every other name, and the rendered .docx (which prints the name) encrypted
// as a whole. Rendering and downloads decrypt; nothing else reads these rows.
import { isEncryptedBytes, type Pii } from '../security/pii.ts';
import { reviveDocumentData } from './index.ts';
import type { DocumentData } from './types.ts';

/** What goes into case_documents.data: the name as `petitionerNameEnc`, never in clear. */
export function sealDocumentData(pii: Pii, data: DocumentData): Record<string, unknown> {
  const { petitionerName, ...rest } = data;
  return { ...JSON.parse(JSON.stringify(rest)), petitionerNameEnc: pii.encrypt(petitionerName) };
}

/** case_documents.data back to DocumentData (rows of before encryption hold the name in clear). */
export function openDocumentData(pii: Pii, stored: Record<string, unknown>): DocumentData {
  const { petitionerNameEnc, ...rest } = stored;
  const name = typeof petitionerNameEnc === 'string' ? pii.decrypt(petitionerNameEnc) : rest.petitionerName;
  return reviveDocumentData({ ...rest, petitionerName: name });
}

/** True when stored data still has the name in clear (before encryption at rest). */
export const hasClearName = (stored: Record<string, unknown>) =>
  typeof stored.petitionerName === 'string' && stored.petitionerNameEnc === undefined;

/** A rendered document as stored back to its .docx bytes (rows of before encryption are plain). */
export function openDocumentBytes(pii: Pii, stored: Uint8Array): Buffer {
  // PGlite hands bytea back as a plain Uint8Array, pg as a Buffer.
  const bytes = Buffer.isBuffer(stored)
    ? stored
    : Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
  return isEncryptedBytes(bytes) ? pii.decryptBytes(bytes) : bytes;
}
