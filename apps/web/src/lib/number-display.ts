// Numbers shown to people, in the reader's locale: "12.3 MB" in English is "12,3 Mt" in Finnish.
// Pure, like time-display.ts, so Jest (test/web) checks both languages.

/** Bytes in a megabyte as the materials limits count them (the settings page takes megabytes). */
export const MEGABYTE = 1024 * 1024;

/** A file's size: "12.3 MB" / "12,3 Mt" from a megabyte up, else whole kilobytes, at least 1 ("48 kB" / "48 kt"). */
export function fileSizeLabel(bytes: number, locale: string): string {
  if (bytes >= MEGABYTE) {
    return new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte', unitDisplay: 'short', minimumFractionDigits: 1, maximumFractionDigits: 1 })
      .format(bytes / MEGABYTE);
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilobyte', unitDisplay: 'short', maximumFractionDigits: 0 })
    .format(Math.max(1, Math.round(bytes / 1024)));
}

/** One decimal, always shown: an average rating "4.0" / "4,0". */
export function oneDecimal(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

/** The locale's decimal separator, for number inputs that take decimals ("," in fi-FI). */
export function decimalSeparator(locale: string): string {
  return new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
}
