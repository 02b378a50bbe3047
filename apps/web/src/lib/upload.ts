// Uploads a file to the REST materials endpoints with XMLHttpRequest, whose upload events give the
// progress bar (fetch has none). Errors come back as {error: {code, reason, message, field, details}}.
import { tokenStore } from '../client.js';

export interface UploadError {
  message: string;
  extensions: { code?: string; reason?: string; field?: string; details?: Record<string, unknown> };
}

export function uploadFile(
  url: string,
  fields: Record<string, string>,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<{ ok: true; body: unknown } | { ok: false; error: UploadError }> {
  return new Promise((resolve) => {
    const form = new FormData();
    // Text fields first: the server streams the file and reads only fields sent before it.
    for (const [key, value] of Object.entries(fields)) if (value !== '') form.append(key, value);
    form.append('file', file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    const token = tokenStore.get();
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve({ ok: true, body: xhr.response });
        return;
      }
      const err = (xhr.response as { error?: { code?: string; reason?: string; message?: string; field?: string; details?: Record<string, unknown> } } | null)?.error;
      const extensions = { code: err?.code ?? (xhr.status === 413 ? 'BAD_USER_INPUT' : undefined), reason: err?.reason, field: err?.field, details: err?.details };
      resolve({ ok: false, error: { message: err?.message ?? `HTTP ${xhr.status}`, extensions } });
    };
    xhr.onerror = () => resolve({ ok: false, error: { message: '', extensions: { code: 'NETWORK' } } });
    xhr.send(form);
  });
}

/** Downloads with the sign-in token (a plain link would carry none), then saves under its name. */
export async function downloadFile(url: string, fileName: string): Promise<boolean> {
  const token = tokenStore.get();
  const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!res.ok) return false;
  const href = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
  return true;
}
