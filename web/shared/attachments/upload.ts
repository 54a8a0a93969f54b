// Sending files to a matter (POST /api/v1/cases/:id/attachments, multipart): the browser sets the
// boundary; the CSRF token is echoed like every other mutation; the server's Chinese message on failure.
import type { AttachmentItem, AttachmentsAnswer } from '../../../src/attachments/contract.ts';
import { ApiError, csrfToken } from '../api.ts';

export type { AttachmentItem };

/** Same limits as src/domain/attachments/kinds.ts, to refuse early what the server would refuse. */
export const MAX_PHOTOS = 10;
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

export async function uploadAttachments(
  caseId: number,
  files: readonly File[],
  opts: { purpose?: string; eventId?: number } = {},
): Promise<AttachmentItem[]> {
  const body = new FormData();
  for (const f of files) body.append('file', f, f.name);
  const q = new URLSearchParams();
  if (opts.purpose) q.set('purpose', opts.purpose);
  if (opts.eventId) q.set('eventId', String(opts.eventId));
  const headers: Record<string, string> = { accept: 'application/json' };
  const csrf = csrfToken();
  if (csrf) headers['x-csrf-token'] = csrf;
  let res: Response;
  try {
    res = await fetch(`/api/v1/cases/${caseId}/attachments${q.size ? `?${q}` : ''}`, {
      method: 'POST',
      headers,
      credentials: 'same-origin',
      body,
    });
  } catch {
    throw new ApiError(0, '网络连接失败，附件未上传，请稍后在事项详情中重试');
  }
  const data = (await res.json().catch(() => null)) as
    | (Partial<AttachmentsAnswer> & { error?: { code?: string; message?: string; field?: string } })
    | null;
  if (!res.ok) {
    const e = data?.error;
    throw new ApiError(res.status, e?.message ?? `上传失败（${res.status}）`, e?.code, e?.field);
  }
  return Array.isArray(data?.items) ? data.items : [];
}

export const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
