import { MaterialFileType, sniffFileType, zipEntryNames } from './file-type.js';

/** A minimal stored ZIP with the given (empty) entries, enough for the central directory reader. */
export function tinyZip(names: string[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const name of names) {
    const n = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(n.length, 26);
    locals.push(local, n);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, n);
    offset += 30 + n.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(names.length, 8);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

describe('sniffFileType', () => {
  const type = (buf: Buffer) => sniffFileType(buf);
  it('knows documents, images and video by their bytes', () => {
    expect(type(Buffer.from('%PDF-1.7\n'))).toEqual({ kind: 'type', type: MaterialFileType.PDF });
    expect(type(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toEqual({ kind: 'type', type: MaterialFileType.PNG });
    expect(type(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toEqual({ kind: 'type', type: MaterialFileType.JPEG });
    const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x20]), Buffer.from('ftypisom')]);
    expect(type(mp4)).toEqual({ kind: 'type', type: MaterialFileType.MP4 });
  });
  it('tells office formats apart by the ZIP directory', () => {
    expect(type(tinyZip(['[Content_Types].xml', '_rels/.rels', 'ppt/presentation.xml']))).toEqual({ kind: 'type', type: MaterialFileType.PPTX });
    expect(type(tinyZip(['[Content_Types].xml', 'word/document.xml']))).toEqual({ kind: 'type', type: MaterialFileType.DOCX });
    expect(type(tinyZip(['[Content_Types].xml', 'xl/workbook.xml']))).toEqual({ kind: 'type', type: MaterialFileType.XLSX });
    expect(type(tinyZip(['readme.txt']))).toEqual({ kind: 'type', type: MaterialFileType.ZIP });
    expect([...zipEntryNames(tinyZip(['a', 'b/c']))]).toEqual(['a', 'b/c']);
  });
  it('refuses programs and does not guess unknown content', () => {
    expect(type(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]))).toMatchObject({ kind: 'executable' });
    expect(type(Buffer.from('MZ\x90\x00', 'latin1'))).toMatchObject({ kind: 'executable' });
    expect(type(Buffer.from('#!/bin/sh\nrm -rf /'))).toMatchObject({ kind: 'executable' });
    expect(type(Buffer.from('just some text'))).toEqual({ kind: 'unknown' });
  });
});
