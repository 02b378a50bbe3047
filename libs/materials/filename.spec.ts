import { contentDisposition, sanitiseFileName } from './filename.js';

describe('sanitiseFileName', () => {
  it('drops folders, control and bidi characters', () => {
    expect(sanitiseFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitiseFileName('C:\\Users\\me\\slides.pdf')).toBe('slides.pdf');
    expect(sanitiseFileName('evil\u0000name\r\n.pdf')).toBe('evilname.pdf');
    expect(sanitiseFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(sanitiseFileName('a<b>:c|d?.pdf')).toBe('a_b__c_d_.pdf');
  });
  it('never returns an empty, hidden or dot name', () => {
    expect(sanitiseFileName('..')).toBe('file');
    expect(sanitiseFileName('')).toBe('file');
    expect(sanitiseFileName('.bashrc')).toBe('bashrc');
    expect(sanitiseFileName(undefined)).toBe('file');
  });
  it('keeps the extension when shortening', () => {
    const name = sanitiseFileName('x'.repeat(300) + '.pptx');
    expect(name.length).toBeLessThanOrEqual(200);
    expect(name.endsWith('.pptx')).toBe(true);
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name (RFC 6266)', () => {
    expect(contentDisposition('Kittilä "slides".pdf')).toBe(
      `attachment; filename="Kittila _slides_.pdf"; filename*=UTF-8''Kittil%C3%A4%20%22slides%22.pdf`,
    );
  });
});
