// The web app's mapping of GraphQL errors to messages (apps/web/src/lib/api-errors.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { en } from '../../apps/web/src/i18n/en.js';
import { fi } from '../../apps/web/src/i18n/fi.js';
import { type ErrorMessages, mapApiErrors, messageFor } from '../../apps/web/src/lib/api-errors.js';
import { browserZone, timeLabel } from '../../apps/web/src/lib/time-display.js';

const messages: ErrorMessages = {
  codes: { UNAUTHENTICATED: 'Please sign in again.', FORBIDDEN: 'Not allowed.', NOT_FOUND: 'Not found.' },
  reasons: { INVALID_CREDENTIALS: 'E-mail or password is wrong.' },
  network: 'Offline.',
  unknown: 'Something went wrong.',
  internal: 'Server error, request {id}.',
};

describe('web API error mapping', () => {
  it('puts a field error next to its field, by the last segment of extensions.field', () => {
    const mapped = mapApiErrors(
      [{ message: 'Another event already uses the address "x".', extensions: { code: 'CONFLICT', reason: 'SLUG_TAKEN', field: 'input.slug' } }],
      messages,
      { formFields: ['name', 'slug'] },
    );
    expect(mapped.fields).toEqual({ slug: 'Another event already uses the address "x".' });
    expect(mapped.general).toEqual([]);
  });

  it('shows a field error the form does not have as a general message, so none is hidden', () => {
    const mapped = mapApiErrors([{ message: 'Bad region.', extensions: { code: 'BAD_USER_INPUT', field: 'region' } }], messages, { formFields: ['name'] });
    expect(mapped.fields).toEqual({});
    expect(mapped.general).toEqual(['Bad region.']);
  });

  it('prefers a translated reason, then the translated code for generic kinds', () => {
    expect(messageFor({ message: 'E-mail or password is incorrect.', extensions: { code: 'UNAUTHENTICATED', reason: 'INVALID_CREDENTIALS' } }, messages)).toBe(
      'E-mail or password is wrong.',
    );
    expect(messageFor({ message: 'Only organisers of this event may do this.', extensions: { code: 'FORBIDDEN' } }, messages)).toBe('Not allowed.');
    expect(messageFor({ message: 'Event "x" not found.', extensions: { code: 'NOT_FOUND' } }, messages)).toBe('Not found.');
  });

  it('keeps the server message for input and conflict errors, which are specific', () => {
    expect(messageFor({ message: 'The seat was just taken.', extensions: { code: 'CONFLICT' } }, messages)).toBe('The seat was just taken.');
  });

  it("in the server's language, keeps its case-specific words for input and conflicts; other languages get the catalogue", () => {
    const english: ErrorMessages = { ...en.errors, locale: 'en-GB', serverLanguage: true };
    const finnish: ErrorMessages = { ...fi.errors, locale: 'fi-FI' };
    const endBeforeStart = { message: 'A session must end after it starts.', extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_TIMES', field: 'input.endsAt' } };
    expect(messageFor(endBeforeStart, english)).toBe('A session must end after it starts.');
    expect(messageFor(endBeforeStart, finnish)).toBe(fi.errors.reasons.INVALID_TIMES);
    // The app's own wording still wins where the server's names a UTC instant.
    const blocked = { message: 'You have a meeting at 2030-04-26T10:00:00.000Z.', extensions: { code: 'CONFLICT', reason: 'BLOCK_OVERLAPS_MEETING' } };
    expect(messageFor(blocked, english)).toBe(en.errors.reasons.BLOCK_OVERLAPS_MEETING);
    // Other kinds keep the catalogue in English too (the server's text for them is generic).
    const notSeated = { message: 'You hold no seat and no place in line in this session.', extensions: { code: 'NOT_FOUND', reason: 'NOT_SEATED' } };
    expect(messageFor(notSeated, english)).toBe(en.errors.reasons.NOT_SEATED);
  });

  it("writes the instants in the server's words as dates and times with the zone named", () => {
    const english: ErrorMessages = { ...en.errors, locale: 'en-GB', serverLanguage: true, timeZone: 'Europe/Helsinki' };
    const busy = {
      message: 'Ben Bauer is not available in the slot starting 2030-04-26T10:00:00.000Z: speaking at Round Table II.',
      extensions: { code: 'CONFLICT', reason: 'PARTICIPANT_UNAVAILABLE', details: { name: 'Ben Bauer', startsAt: '2030-04-26T10:00:00.000Z' } },
    };
    const text = messageFor(busy, english);
    const label = timeLabel('2030-04-26T10:00:00.000Z', 'Europe/Helsinki', browserZone('Europe/Helsinki'), { locale: 'en-GB' });
    expect(text).toContain(`${label.eventTime} ${label.eventZone}`);
    expect(text).toContain('speaking at Round Table II');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    // Text without an instant is left as it is.
    expect(messageFor({ message: 'A session must end after it starts.', extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_TIMES' } }, english)).toBe(
      'A session must end after it starts.',
    );
  });

  it('quotes the request id of an internal error and never its details', () => {
    expect(messageFor({ message: 'Internal error. Quote request id abc when reporting it.', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'abc' } }, messages)).toBe(
      'Server error, request abc.',
    );
  });

  it('reports a network failure once and deduplicates repeated messages', () => {
    const mapped = mapApiErrors(
      [
        { message: 'x', extensions: { code: 'FORBIDDEN' } },
        { message: 'y', extensions: { code: 'FORBIDDEN' } },
      ],
      messages,
      { networkError: true },
    );
    expect(mapped.general).toEqual(['Offline.', 'Not allowed.']);
  });

  it('falls back to the server message, then a generic one, for unknown codes', () => {
    expect(messageFor({ message: 'Odd.', extensions: { code: 'SOMETHING_NEW' } }, messages)).toBe('Odd.');
    expect(messageFor({ message: '', extensions: {} }, messages)).toBe('Something went wrong.');
  });
});

const english: ErrorMessages = { ...en.errors, locale: 'en-GB' };
const finnish: ErrorMessages = { ...fi.errors, locale: 'fi-FI' };
const MB = 1024 * 1024;

describe('reason texts with the facts the server gives', () => {
  it('fills a size, a number and a name in the reader\'s language', () => {
    const tooLarge = { message: 'The file is larger than this event\'s limit of 12.3 MB.', extensions: { code: 'BAD_USER_INPUT', reason: 'FILE_TOO_LARGE', field: 'file', details: { maxBytes: 12.34 * MB } } };
    expect(messageFor(tooLarge, english)).toBe('The file is larger than this event\'s limit of 12.3 MB.');
    expect(messageFor(tooLarge, finnish)).toMatch(/^Tiedosto on suurempi kuin tämän tapahtuman enimmäiskoko 12,3\sMt\.$/);
    const seats = { message: '1500 seats are already taken; the capacity cannot go below that.', extensions: { code: 'CONFLICT', reason: 'SEATS_BELOW_TAKEN', details: { taken: 1500 } } };
    expect(messageFor(seats, english)).toBe('1,500 seats are already taken; the number of seats cannot go below that.');
    expect(messageFor(seats, finnish)).toMatch(/^Paikkoja on jo varattu 1\s500, joten/);
    const room = { message: 'Room "Aurora" still has sessions; move them first.', extensions: { code: 'CONFLICT', reason: 'ROOM_IN_USE', details: { name: 'Aurora' } } };
    expect(messageFor(room, finnish)).toBe('Salissa ”Aurora” on vielä istuntoja; siirrä ne ensin.');
  });

  it('writes an instant as a date and time in the event\'s zone when the page gives it, else in the reader\'s', () => {
    const busy = {
      message: 'Aino Virtanen already has a meeting in the slot starting 2026-05-12T09:00:00.000Z.',
      extensions: { code: 'CONFLICT', reason: 'PARTICIPANT_BUSY', field: 'slotId', details: { name: 'Aino Virtanen', startsAt: '2026-05-12T09:00:00.000Z' } },
    };
    const inEvent = messageFor(busy, { ...finnish, timeZone: 'Europe/Helsinki' });
    expect(inEvent).toMatch(/^Henkilöllä Aino Virtanen on jo tapaaminen ajankohtana ti 12\.5\. klo 12\.00 Helsinki \(UTC\+3\)/);
    const own = timeLabel('2026-05-12T09:00:00.000Z', browserZone(), browserZone(), { locale: 'en-GB' });
    expect(messageFor(busy, english)).toBe(`Aino Virtanen already has a meeting at ${own.eventTime} ${own.eventZone}.`);
  });

  it('writes a list, a day, a wait and the field', () => {
    const type = { message: 'EXE', extensions: { code: 'BAD_USER_INPUT', reason: 'TYPE_NOT_ALLOWED', details: { type: 'MP4', allowed: ['PDF', 'PPTX'] } } };
    expect(messageFor(type, english)).toBe('MP4 files are not accepted for this event; allowed: PDF, PPTX.');
    const slots = { startsAt: ['2026-05-12T09:00:00.000Z', '2026-05-12T09:30:00.000Z'], meetings: 2 };
    const inUse = { message: 'x', extensions: { code: 'CONFLICT', reason: 'SLOTS_IN_USE', details: { slots: slots.startsAt.map((startsAt) => ({ startsAt, meetings: slots.meetings })) } } };
    expect(messageFor(inUse, { ...english, timeZone: 'Europe/Helsinki' })).toContain('(starting Tue 12 May, 12:00; Tue 12 May, 12:30 Helsinki (EEST))');
    const outside = { message: 'x', extensions: { code: 'BAD_USER_INPUT', reason: 'OUTSIDE_EVENT', details: { startsOn: '2026-05-12', endsOn: '2026-05-13' } } };
    expect(messageFor(outside, english)).toBe('The session must lie within the event\'s days, Tue 12 May 2026 to Wed 13 May 2026.');
    const locked = { message: 'x', extensions: { code: 'TOO_MANY_REQUESTS', reason: 'LOGIN_LOCKED', details: { retryAfterSeconds: 900 } } };
    expect(messageFor(locked, finnish)).toBe('Liian monta epäonnistunutta kirjautumisyritystä. Odota 15 minuuttia ja yritä uudelleen.');
    expect(messageFor({ ...locked, extensions: { ...locked.extensions, details: { retryAfterSeconds: 30 } } }, english)).toBe('Too many failed sign-ins; wait 30 seconds and try again.');
    const withField: ErrorMessages = { ...messages, reasons: { ODD: 'Check {field}.' } };
    expect(messageFor({ message: 'x', extensions: { code: 'BAD_USER_INPUT', reason: 'ODD', field: 'input.title' } }, withField)).toBe('Check title.');
  });

  it('chooses the wording of the server\'s case, and the general one when there is no such text', () => {
    const closed = (variant?: string) => ({
      message: 'Meeting requests closed at 2026-05-01T09:00:00.000Z.',
      extensions: { code: 'CONFLICT', reason: 'MATCHMAKING_CLOSED', details: { opensAt: null, closesAt: '2026-05-01T09:00:00.000Z', ...(variant ? { variant } : {}) } },
    });
    expect(messageFor(closed('CLOSED'), { ...english, timeZone: 'UTC' })).toMatch(/^Meeting requests closed at Fri 1 May, 09:00 UTC/);
    expect(messageFor(closed(), finnish)).toBe('Tapaamispyyntöjä ei voi lähettää juuri nyt.');
    expect(messageFor(closed('SOMETHING_NEW'), english)).toBe('Meeting requests are not open at the moment.');
  });

  it('words a length refusal in the reader\'s language, with the limits in its number format', () => {
    const tooLong = { message: 'The description is limited to 20,000 characters.', extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT', field: 'input.description', details: { variant: 'TOO_LONG', max: 20_000 } } };
    expect(messageFor(tooLong, { ...english, serverLanguage: true })).toBe('The description is limited to 20,000 characters.'); // the server's own words
    expect(messageFor(tooLong, english)).toBe('Use at most 20,000 characters.');
    expect(messageFor(tooLong, finnish)).toMatch(/^Kirjoita enintään 20\s000 merkkiä\.$/);
    const empty = { message: 'A session needs a title of 1 to 300 characters.', extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT', field: 'input.title', details: { variant: 'LENGTH', min: 1, max: 300 } } };
    expect(messageFor(empty, finnish)).toBe('Kirjoita 1–300 merkkiä.');
    // Other invalid input keeps the server's words, which name what is wrong.
    const format = { message: 'colour must be written #rrggbb.', extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT', field: 'input.colour' } };
    expect(messageFor(format, finnish)).toBe('colour must be written #rrggbb.');
  });

  it('words an organiser\'s settings refusals in Finnish: placeholders, ranges, sizes', () => {
    const placeholder = { message: 'Unknown placeholder {{nickname}}; use {{eventName}}, {{recipientName}}.', extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_TEMPLATE', field: 'subject', details: { variant: 'UNKNOWN_PLACEHOLDER', placeholders: '{{nickname}}', known: '{{eventName}}, {{recipientName}}' } } };
    expect(messageFor(placeholder, finnish)).toBe('Tuntematon paikkamerkki {{nickname}}; käytettävissä ovat {{eventName}}, {{recipientName}}.');
    const range = { message: 'tableCount must be a whole number from 1 to 500.', extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_SETTINGS', field: 'tableCount', details: { variant: 'RANGE', min: 1, max: 500 } } };
    expect(messageFor(range, finnish)).toBe('Anna kokonaisluku väliltä 1–500.');
    const offset = { message: 'The offset is whole minutes between 0 and 20160 (14 days).', extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_REMINDER_RULE', field: 'rules.2.offsetMinutes', details: { variant: 'RANGE', min: 0, max: 20160 } } };
    expect(messageFor(offset, finnish)).toMatch(/^Anna minuutit kokonaislukuna väliltä 0–20\s160 \(14 vuorokautta\)\.$/);
    const size = { message: 'The largest file size is between 1 KB and 100 MB on this installation.', extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_SETTINGS', field: 'input.maxBytes', details: { variant: 'MAX_BYTES', minBytes: 1024, maxBytes: 100 * MB } } };
    expect(messageFor(size, finnish)).toMatch(/^Suurin tiedostokoko voi olla tällä palvelimella 1\skt–100,0\sMt\.$/);
  });

  it('falls back to the server\'s message when a fact the text names is missing or cannot be shown, never showing "{x}"', () => {
    const server = 'The file is larger than this event\'s limit of 12.3 MB.';
    expect(messageFor({ message: server, extensions: { code: 'BAD_USER_INPUT', reason: 'FILE_TOO_LARGE' } }, finnish)).toBe(server);
    expect(messageFor({ message: server, extensions: { code: 'BAD_USER_INPUT', reason: 'FILE_TOO_LARGE', details: { maxBytes: null } } }, finnish)).toBe(server);
    // Opening time not set: the server words that case itself.
    const notSet = { message: 'Meeting requests open at a time the organisers have not set.', extensions: { code: 'CONFLICT', reason: 'MATCHMAKING_CLOSED', details: { opensAt: null, closesAt: null, variant: 'NOT_YET_OPEN' } } };
    expect(messageFor(notSet, finnish)).toBe('Meeting requests open at a time the organisers have not set.');
    const list = { message: 'Allowed: none.', extensions: { code: 'BAD_USER_INPUT', reason: 'TYPE_NOT_RECOGNISED', details: { allowed: [] } } };
    expect(messageFor(list, finnish)).toBe('Allowed: none.');
    const unknown: ErrorMessages = { ...messages, reasons: { ODD: 'Not {what}.' } };
    expect(messageFor({ message: 'Odd indeed.', extensions: { code: 'FORBIDDEN', reason: 'ODD', details: { other: 1 } } }, unknown)).toBe('Odd indeed.');
    // No server message either: the text of the code.
    expect(messageFor({ message: '', extensions: { code: 'FORBIDDEN', reason: 'ODD' } }, unknown)).toBe('Not allowed.');
  });

  it('speaks Finnish for the reasons people meet most', () => {
    const fin = (reason: string, code = 'CONFLICT', details?: Record<string, unknown>) => messageFor({ message: 'English.', extensions: { code, reason, ...(details ? { details } : {}) } }, finnish);
    expect(fin('DUPLICATE_REQUEST')).toBe('Näiden kahden henkilön välillä on jo avoin pyyntö tai hyväksytty tapaaminen.');
    expect(fin('MEETING_LIMIT_REACHED', 'CONFLICT', { limit: 8, variant: 'YOU' })).toBe('Sinulla on jo tämän tapahtuman enimmäismäärä tapaamisia (8).');
    expect(fin('TABLE_FULL', 'CONFLICT', { table: 'Vety' })).toBe('Pöydän ”Vety” kaikki paikat on varattu; pidät nykyisen paikkasi tai sijasi jonossa.');
    expect(fin('SLUG_TAKEN', 'CONFLICT', { slug: 'cmr-2026' })).toBe('Toinen tapahtuma käyttää jo osoitetta ”cmr-2026”.');
    expect(fin('WEAK_PASSWORD', 'BAD_USER_INPUT')).toBe('Salasanassa on oltava vähintään 10 merkkiä.');
    // The texts that were there before keep their wording.
    expect(fin('INVALID_CREDENTIALS', 'UNAUTHENTICATED')).toBe('Sähköposti tai salasana on väärin.');
  });
});

/**
 * Reasons without a text of their own, each for a reason: the server words them at each call site
 * (a single text would lose what it says), or the web app never shows them.
 */
const WITHOUT_TEXT: Record<string, string> = {
  INVALID_INPUT: 'worded at each of many call sites (formats, unknown values); length refusals have texts by variant (INVALID_INPUT.LENGTH, .TOO_LONG)',
  NOT_ALLOWED: 'worded at each call site; the translated FORBIDDEN text is shown',
  NOT_FOUND: 'worded at each call site; the translated NOT_FOUND text is shown',
  CONFLICT: 'worded at each call site',
  INVALID_SETTINGS: 'worded at each call site of the matchmaking and materials settings; ranges, lengths and limits have texts by variant',
  INVALID_TEMPLATE: 'worded at each call site of the e-mail templates; unknown placeholders and lengths have texts by variant',
  INVALID_REMINDER_RULE: 'worded at each call site of the reminder rules; lengths, offsets and repeats have texts by variant',
  FEED_NOT_FOUND: 'read by calendar apps, never by the web app',
  INVALID_UNSUBSCRIBE_TOKEN: 'answered by the unsubscribe page the e-mail link opens, not the web app',
  RANGE_NOT_SATISFIABLE: 'the web app downloads whole files, never ranges',
};

/** Reasons sent from outside the libs' exception files (the API's input check). */
const OTHER_REASONS = ['INVALID_CHARACTERS'];

/** Every value of every "…Reason" string enum in the exception files of libs (libs/<domain>/*.exception.ts), read from the source. */
function reasonsOfTheApi(): string[] {
  const libs = join(process.cwd(), 'libs');
  const files = readdirSync(libs, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((dir) => readdirSync(join(libs, dir.name)).filter((name) => name.endsWith('.exception.ts')).map((name) => join(libs, dir.name, name)));
  const reasons = new Set<string>();
  for (const path of files) {
    const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest);
    for (const statement of source.statements) {
      if (!ts.isEnumDeclaration(statement) || !statement.name.text.endsWith('Reason')) continue;
      for (const member of statement.members) {
        if (member.initializer && ts.isStringLiteral(member.initializer)) reasons.add(member.initializer.text);
      }
    }
  }
  return [...reasons].sort();
}

describe('the reason catalogue', () => {
  const reasons = reasonsOfTheApi();

  it('has a text for every reason the API can send, apart from the listed ones', () => {
    expect(reasons.length).toBeGreaterThan(90);
    expect(reasons).toEqual(expect.arrayContaining(['FILE_TOO_LARGE', 'MATCHMAKING_CLOSED', 'INVALID_CREDENTIALS', 'INVALID_INPUT']));
    const missing = reasons.filter((reason) => !en.errors.reasons[reason] && !(reason in WITHOUT_TEXT));
    expect(missing).toEqual([]);
  });

  it('keeps its lists honest: no text for a reason the API does not send, and no listed reason that has one', () => {
    const known = new Set([...reasons, ...OTHER_REASONS]);
    expect(Object.keys(en.errors.reasons).filter((key) => !known.has(key.split('.')[0]!))).toEqual([]);
    expect(Object.keys(WITHOUT_TEXT).filter((reason) => !known.has(reason) || en.errors.reasons[reason])).toEqual([]);
  });
});
