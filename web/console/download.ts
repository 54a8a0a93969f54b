// Downloads a file the server makes (e.g. the .xlsx list export): fetched with the session cookie so
// errors come back as the server's Chinese message, saved under the server's file name
// (Content-Disposition `filename*`), and the response headers handed back (export counts).
import { ApiError } from '../shared/api.ts';

/** RFC 5987 `filename*=UTF-8''…` first, then plain `filename="…"`. */
export function filenameOf(disposition: string | null, fallback: string): string {
  const star = disposition?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (star) return decodeURIComponent(star);
  return disposition?.match(/filename="([^"]+)"/)?.[1] ?? fallback;
}

export async function downloadFile(path: string, fallbackName: string): Promise<Headers> {
  let res: Response;
  try {
    res = await fetch(path, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, '网络连接失败，请检查网络后重试');
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new ApiError(res.status, body?.error?.message ?? `导出失败（${res.status}）`);
  }
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filenameOf(res.headers.get('content-disposition'), fallbackName);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return res.headers;
}
