// The web app's number display rules (apps/web/src/lib/number-display.ts), compiled here by tsc.
import { decimalSeparator, fileSizeLabel, MEGABYTE, oneDecimal } from '../../apps/web/src/lib/number-display.js';

describe('web number display', () => {
  it('writes file sizes in English as before: one decimal from a megabyte, whole kilobytes below', () => {
    expect(fileSizeLabel(12.34 * MEGABYTE, 'en-GB')).toBe('12.3 MB');
    expect(fileSizeLabel(5 * MEGABYTE, 'en-GB')).toBe('5.0 MB');
    expect(fileSizeLabel(48 * 1024, 'en-GB')).toBe('48 kB');
    // A tiny file still reads as a kilobyte, never "0 kB".
    expect(fileSizeLabel(100, 'en-GB')).toBe('1 kB');
  });

  it('writes file sizes in Finnish with a decimal comma and Finnish units', () => {
    // \s: ICU puts a space, or a no-break space, between the number and the unit and in digit groups.
    expect(fileSizeLabel(12.34 * MEGABYTE, 'fi-FI')).toMatch(/^12,3\sMt$/);
    expect(fileSizeLabel(5 * MEGABYTE, 'fi-FI')).toMatch(/^5,0\sMt$/);
    expect(fileSizeLabel(48 * 1024, 'fi-FI')).toMatch(/^48\skt$/);
    expect(fileSizeLabel(100, 'fi-FI')).toMatch(/^1\skt$/);
    expect(fileSizeLabel(1234.5 * MEGABYTE, 'fi-FI')).toMatch(/^1\s234,5\sMt$/);
  });

  it('shows averages with one decimal in the reader\'s locale', () => {
    expect(oneDecimal(4, 'en-GB')).toBe('4.0');
    expect(oneDecimal(3.46, 'en-GB')).toBe('3.5');
    expect(oneDecimal(4, 'fi-FI')).toBe('4,0');
    expect(oneDecimal(3.46, 'fi-FI')).toBe('3,5');
  });

  it('gives number inputs the locale\'s decimal separator', () => {
    expect(decimalSeparator('en-GB')).toBe('.');
    expect(decimalSeparator('fi-FI')).toBe(',');
  });
});
