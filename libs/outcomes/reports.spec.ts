import { csvField, toCsv } from './reports.service.js';

describe('report CSV', () => {
  it('neutralises formula-looking cells and quotes what needs quoting', () => {
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvField('+358 40')).toBe("'+358 40");
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('@x')).toBe("'@x");
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=a,"b"')).toBe(`"'=a,""b"""`);
  });

  it('writes CRLF lines', () => {
    expect(toCsv([['h1', 'h2'], ['1', '2']])).toBe('h1,h2\r\n1,2\r\n');
  });
});
