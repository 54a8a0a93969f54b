// What the API answers about an attachment: no storage details, the file name decrypted for those
// who may read the matter, and the URLs of the file and its thumbnail. Pure: the name arrives
// decrypted from queries.ts.
import { type AttachmentPurpose, PURPOSE_NAMES } from '../domain/attachments/kinds.ts';
import type { AttachmentItem } from './contract.ts';
import type { PlainAttachment } from './queries.ts';

export function presentAttachment(r: PlainAttachment): AttachmentItem {
  return {
    id: r.id,
    caseId: r.caseId,
    caseEventId: r.caseEventId,
    purpose: r.purpose,
    purposeName: PURPOSE_NAMES[r.purpose as AttachmentPurpose] ?? r.purpose,
    kind: r.kind,
    mime: r.mime,
    size: r.size,
    name: r.name,
    uploaderRole: r.uploaderRole,
    createdAt: r.createdAt.toISOString(),
    url: `/api/v1/attachments/${r.id}/content`,
    thumbnailUrl: r.thumbKey ? `/api/v1/attachments/${r.id}/thumbnail` : null,
  };
}
