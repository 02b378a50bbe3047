import { htmlOf, placeholdersOf, renderTemplate } from './templates.js';

describe('templates', () => {
  it('fills placeholders, writes instants in the event zone and drops missing ones', () => {
    const text = renderTemplate(
      'Hello {{ recipientName }},\n{{title}} starts {{startsAt}} in {{location}}.{{missing}}',
      { recipientName: 'Aino', title: 'Round table I', startsAt: '2023-04-25T06:30:00.000Z' },
      'Europe/Helsinki',
    );
    expect(text).toBe('Hello Aino,\nRound table I starts Tue, 25 Apr 2023, 09:30 EEST in .');
    expect(placeholdersOf('{{a}} and {{ b }}')).toEqual(['a', 'b']);
  });

  it('escapes HTML and keeps paragraphs and links', () => {
    const html = htmlOf('Tom & <Jerry>\n\nSee https://example.org/x?a=1&b=2', { unsubscribeUrl: 'https://x/unsubscribe/t' });
    expect(html).toContain('<p>Tom &amp; &lt;Jerry&gt;</p>');
    expect(html).toContain('<a href="https://example.org/x?a=1&amp;b=2">');
    expect(html).toContain('Unsubscribe');
  });
});
