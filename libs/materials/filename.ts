/**
 * Makes a user's file name safe to show and to put in a Content-Disposition header or a ZIP:
 * no folders (path traversal), no control or bidi-override characters, no reserved characters,
 * at most 200 characters. The name is only ever metadata: files are stored under random ids.
 */
export function sanitiseFileName(raw: string | undefined | null, fallback = 'file'): string {
  let name = (raw ?? '').normalize('NFC');
  // Keep the last path segment whichever separator the client's system used.
  name = name.split(/[/\\]/).pop() ?? '';
  name = name
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    // No hidden files and no "." or ".." names.
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  if (name.length > 200) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 && name.length - dot <= 11 ? name.slice(dot) : '';
    name = name.slice(0, 200 - ext.length).trimEnd() + ext;
  }
  return name || fallback;
}

/** A name for a folder or file inside a ZIP: sanitised, and without characters some unzip tools reject. */
export function zipPathSegment(raw: string, fallback: string): string {
  return sanitiseFileName(raw, fallback).replace(/[#%&{}$!'@+`=]/g, '').slice(0, 120).trim() || fallback;
}

/** RFC 6266 / RFC 8187 Content-Disposition with an ASCII fallback and the exact UTF-8 name. */
export function contentDisposition(fileName: string, type: 'attachment' | 'inline' = 'attachment'): string {
  const ascii = fileName.normalize('NFKD').replace(/[^\x20-\x7e]/g, '').replace(/["\\%]/g, '_').trim() || 'download';
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
