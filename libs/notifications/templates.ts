import { formatInZone } from '../common/index.js';

export type TemplateValues = Record<string, unknown>;

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** The placeholders a template uses, e.g. to reject unknown ones when an organiser saves it. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]);
}

/**
 * Fills {{placeholders}}. Instants (Date or ISO strings) are written in the event's zone;
 * a missing value becomes empty text, so an optional detail never shows as "{{location}}".
 */
export function renderTemplate(template: string, values: TemplateValues, timeZone: string): string {
  return template
    .replace(PLACEHOLDER, (_, name: string) => display(values[name], timeZone))
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function display(value: unknown, timeZone: string): string {
  if (value === undefined || value === null) return '';
  if (value instanceof Date) return formatInZone(value, timeZone);
  if (typeof value === 'string' && ISO_INSTANT.test(value)) return formatInZone(new Date(value), timeZone);
  return String(value);
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The HTML part: the same text, paragraphs kept, links clickable, a quiet footer. */
export function htmlOf(text: string, footer: { eventName?: string; unsubscribeUrl?: string }): string {
  const paragraphs = text
    .split(/\n{2,}/)
    .map((p) => `<p>${linkify(escapeHtml(p)).replace(/\n/g, '<br>\n')}</p>`)
    .join('\n');
  const foot = [
    footer.eventName ? escapeHtml(footer.eventName) : '',
    footer.unsubscribeUrl ? `<a href="${escapeHtml(footer.unsubscribeUrl)}">Unsubscribe from these messages</a>` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    '<!doctype html>\n<html><head><meta charset="utf-8"></head>\n' +
    '<body style="font-family: system-ui, sans-serif; line-height: 1.5; max-width: 40em;">\n' +
    paragraphs +
    (foot ? `\n<hr>\n<p style="color: #666; font-size: 0.85em;">${foot}</p>` : '') +
    '\n</body></html>\n'
  );
}

function linkify(escaped: string): string {
  return escaped.replace(/\bhttps?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);
}
