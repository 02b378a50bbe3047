/**
 * What a file really is, judged by its bytes (magic numbers), never by its name or declared type.
 * ZIP-based office formats are told apart by the names in the ZIP's central directory.
 */
export enum MaterialFileType {
  PDF = 'PDF',
  PPTX = 'PPTX',
  DOCX = 'DOCX',
  XLSX = 'XLSX',
  ODP = 'ODP',
  ODT = 'ODT',
  ODS = 'ODS',
  PNG = 'PNG',
  JPEG = 'JPEG',
  GIF = 'GIF',
  WEBP = 'WEBP',
  MP4 = 'MP4',
  ZIP = 'ZIP',
}

export interface FileTypeInfo {
  contentType: string;
  /** Extensions a file of this type may carry; the first is added when a name has none. */
  extensions: string[];
}

export const FILE_TYPES: Record<MaterialFileType, FileTypeInfo> = {
  PDF: { contentType: 'application/pdf', extensions: ['pdf'] },
  PPTX: { contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extensions: ['pptx'] },
  DOCX: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
  XLSX: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
  ODP: { contentType: 'application/vnd.oasis.opendocument.presentation', extensions: ['odp'] },
  ODT: { contentType: 'application/vnd.oasis.opendocument.text', extensions: ['odt'] },
  ODS: { contentType: 'application/vnd.oasis.opendocument.spreadsheet', extensions: ['ods'] },
  PNG: { contentType: 'image/png', extensions: ['png'] },
  JPEG: { contentType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  GIF: { contentType: 'image/gif', extensions: ['gif'] },
  WEBP: { contentType: 'image/webp', extensions: ['webp'] },
  MP4: { contentType: 'video/mp4', extensions: ['mp4', 'm4v'] },
  ZIP: { contentType: 'application/zip', extensions: ['zip'] },
};

export const DEFAULT_ALLOWED_TYPES: MaterialFileType[] = [
  MaterialFileType.PDF,
  MaterialFileType.PPTX,
  MaterialFileType.DOCX,
  MaterialFileType.XLSX,
  MaterialFileType.ODP,
  MaterialFileType.PNG,
  MaterialFileType.JPEG,
  MaterialFileType.MP4,
];

/** Bytes of the start of a file needed to decide (ODF keeps its `mimetype` entry in the first ~90 bytes). */
export const SNIFF_HEAD_BYTES = 4096;
/** Bytes of the end of a file kept to read a ZIP's central directory (thousands of entries). */
export const SNIFF_TAIL_BYTES = 256 * 1024;

export type SniffResult =
  | { kind: 'type'; type: MaterialFileType }
  /** A program: refused whatever the event allows. */
  | { kind: 'executable'; what: string }
  | { kind: 'unknown' };

const startsWith = (head: Buffer, bytes: number[] | string, at = 0) => {
  const sig = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : Buffer.from(bytes);
  return head.length >= at + sig.length && head.subarray(at, at + sig.length).equals(sig);
};

/** Judges the first bytes; for ZIPs `tail` (the last bytes, or the whole small file) decides the office format. */
export function sniffFileType(head: Buffer, tail: Buffer = head): SniffResult {
  if (startsWith(head, [0x7f, 0x45, 0x4c, 0x46])) return { kind: 'executable', what: 'ELF executable' };
  if (startsWith(head, 'MZ')) return { kind: 'executable', what: 'Windows executable' };
  if ([[0xfe, 0xed, 0xfa, 0xce], [0xfe, 0xed, 0xfa, 0xcf], [0xce, 0xfa, 0xed, 0xfe], [0xcf, 0xfa, 0xed, 0xfe], [0xca, 0xfe, 0xba, 0xbe]].some((m) => startsWith(head, m))) {
    return { kind: 'executable', what: 'Mach-O executable' };
  }
  if (startsWith(head, '#!')) return { kind: 'executable', what: 'script' };
  // PDF allows up to 1024 bytes of junk before the header; real files put it first.
  if (head.subarray(0, 1024).includes(Buffer.from('%PDF-', 'latin1'))) return { kind: 'type', type: MaterialFileType.PDF };
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: 'type', type: MaterialFileType.PNG };
  if (startsWith(head, [0xff, 0xd8, 0xff])) return { kind: 'type', type: MaterialFileType.JPEG };
  if (startsWith(head, 'GIF87a') || startsWith(head, 'GIF89a')) return { kind: 'type', type: MaterialFileType.GIF };
  if (startsWith(head, 'RIFF') && startsWith(head, 'WEBP', 8)) return { kind: 'type', type: MaterialFileType.WEBP };
  if (startsWith(head, 'ftyp', 4)) {
    const brand = head.subarray(8, 12).toString('latin1');
    if (/^(isom|iso[2-9]|mp41|mp42|avc1|M4V |dash|MSNV)$/.test(brand)) return { kind: 'type', type: MaterialFileType.MP4 };
    return { kind: 'unknown' };
  }
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) return { kind: 'type', type: zipFlavour(head, tail) };
  return { kind: 'unknown' };
}

function zipFlavour(head: Buffer, tail: Buffer): MaterialFileType {
  // OpenDocument: first entry "mimetype", stored uncompressed, holding the media type.
  const nameLength = head.length >= 30 ? head.readUInt16LE(26) : 0;
  if (nameLength === 8 && head.subarray(30, 38).toString('latin1') === 'mimetype') {
    const extraLength = head.readUInt16LE(28);
    const start = 30 + 8 + extraLength;
    const mime = head.subarray(start, start + 60).toString('latin1');
    if (mime.startsWith('application/vnd.oasis.opendocument.presentation')) return MaterialFileType.ODP;
    if (mime.startsWith('application/vnd.oasis.opendocument.text')) return MaterialFileType.ODT;
    if (mime.startsWith('application/vnd.oasis.opendocument.spreadsheet')) return MaterialFileType.ODS;
  }
  const names = zipEntryNames(tail);
  if (names.has('[Content_Types].xml')) {
    if (names.has('ppt/presentation.xml')) return MaterialFileType.PPTX;
    if (names.has('word/document.xml')) return MaterialFileType.DOCX;
    if (names.has('xl/workbook.xml')) return MaterialFileType.XLSX;
  }
  return MaterialFileType.ZIP;
}

/** The entry names of a ZIP's central directory, read from the end of the file (empty if not all there). */
export function zipEntryNames(tail: Buffer): Set<string> {
  const names = new Set<string>();
  // End of central directory record: signature PK\5\6, at least 22 bytes from the end (plus a comment).
  const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || tail.length - eocd < 22) return names;
  const entries = tail.readUInt16LE(eocd + 10);
  const size = tail.readUInt32LE(eocd + 12);
  let at = eocd - size;
  // ZIP64 puts a locator (20 bytes) and a record (56 bytes) between the directory and the EOCD.
  if (at >= 20 && tail.readUInt32LE(eocd - 20) === 0x07064b50) at -= 76;
  if (at < 0) return names;
  for (let i = 0; i < entries && at + 46 <= tail.length; i++) {
    if (tail.readUInt32LE(at) !== 0x02014b50) break;
    const nameLength = tail.readUInt16LE(at + 28);
    const extraLength = tail.readUInt16LE(at + 30);
    const commentLength = tail.readUInt16LE(at + 32);
    names.add(tail.subarray(at + 46, at + 46 + nameLength).toString('utf8'));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

export function extensionOf(fileName: string): string | null {
  const match = /\.([A-Za-z0-9]{1,10})$/.exec(fileName);
  return match ? match[1].toLowerCase() : null;
}

/** The type a known extension claims (so "x.pdf" holding a PNG can be caught); null for unknown extensions. */
export function typeClaimedByExtension(extension: string | null): MaterialFileType | null {
  if (!extension) return null;
  for (const [type, info] of Object.entries(FILE_TYPES)) if (info.extensions.includes(extension)) return type as MaterialFileType;
  return null;
}
