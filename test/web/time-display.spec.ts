// The web app's time-zone display rules (apps/web/src/lib/time-display.ts), compiled here by tsc.
import { dateRangeLabel, dayKey, timeLabel, timeRangeLabel, zoneCity, zoneName, zoneOffsetMinutes } from '../../apps/web/src/lib/time-display.js';

describe('web time display', () => {
  it('shows an instant in the event zone, labelled, and the viewer time beside it when offsets differ', () => {
    // 26 April 2023 06:00 UTC = 09:00 in Helsinki (EEST, UTC+3) = 08:00 in Brussels (CEST, UTC+2).
    const label = timeLabel('2023-04-26T06:00:00Z', 'Europe/Helsinki', 'Europe/Brussels');
    expect(label.eventTime).toMatch(/26 Apr/);
    expect(label.eventTime).toMatch(/09:00/);
    expect(label.eventZone).toMatch(/^Helsinki \(/);
    expect(label.viewerTime).toMatch(/08:00/);
    expect(label.viewerZone).toMatch(/^Brussels \(/);
  });

  it('omits the viewer time when the viewer is in the same offset, even under another zone name', () => {
    expect(timeLabel('2023-04-26T06:00:00Z', 'Europe/Helsinki', 'Europe/Helsinki').viewerTime).toBeNull();
    // Riga and Helsinki share EET/EEST all year.
    expect(timeLabel('2023-04-26T06:00:00Z', 'Europe/Helsinki', 'Europe/Riga').viewerTime).toBeNull();
  });

  it('compares offsets at the instant itself, across daylight-saving changes', () => {
    // 20 March 2023: Europe is still on winter time (EET = UTC+2), New York already on EDT (UTC-4).
    expect(zoneOffsetMinutes(new Date('2023-03-20T12:00:00Z'), 'Europe/Helsinki')).toBe(120);
    expect(zoneOffsetMinutes(new Date('2023-03-20T12:00:00Z'), 'America/New_York')).toBe(-240);
    // After 26 March Helsinki is on EEST (UTC+3).
    expect(zoneOffsetMinutes(new Date('2023-04-26T12:00:00Z'), 'Europe/Helsinki')).toBe(180);
  });

  it('puts the date on the viewer time when the viewer is on another calendar day', () => {
    // 23:30 in Helsinki is 05:30 the next morning in Tokyo.
    const label = timeLabel('2023-04-26T20:30:00Z', 'Europe/Helsinki', 'Asia/Tokyo', { withDate: false });
    expect(label.eventTime).toBe('23:30');
    expect(label.viewerTime).toMatch(/27 Apr/);
    expect(label.viewerTime).toMatch(/05:30/);
  });

  it('shows a range once, with the viewer\'s range beside it', () => {
    const same = timeRangeLabel('2023-04-26T07:30:00Z', '2023-04-26T09:00:00Z', 'Europe/Helsinki', 'Europe/Helsinki', { withDate: false });
    expect(same).toEqual({ eventRange: '10:30–12:00', eventZone: 'Helsinki (EEST)', viewerRange: null, viewerZone: null });
    const brussels = timeRangeLabel('2023-04-26T07:30:00Z', '2023-04-26T09:00:00Z', 'Europe/Helsinki', 'Europe/Brussels', { withDate: false });
    expect([brussels.viewerRange, brussels.viewerZone]).toEqual(['09:30–11:00', 'Brussels (CEST)']);
    // A reception past midnight names the day it ends; Tokyo's viewer is already on the next day.
    const late = timeRangeLabel('2023-04-26T18:00:00Z', '2023-04-26T22:30:00Z', 'Europe/Helsinki', 'Asia/Tokyo', { withDate: false });
    expect(late.eventRange).toMatch(/^21:00–Thu,? 27 Apr,? 01:30$/);
    expect(late.viewerRange).toMatch(/^Thu,? 27 Apr,? 03:00–07:30$/);
  });

  it('groups instants into the event-zone day', () => {
    // 22:30 UTC on the 25th is already the 26th in Helsinki.
    expect(dayKey('2023-04-25T22:30:00Z', 'Europe/Helsinki')).toBe('2023-04-26');
    expect(dayKey('2023-04-25T22:30:00Z', 'UTC')).toBe('2023-04-25');
  });

  it('labels date-only event days without shifting them by a zone', () => {
    expect(dateRangeLabel('2023-04-25', '2023-04-27')).toBe('Tue 25 Apr – Thu 27 Apr 2023');
    expect(dateRangeLabel('2023-04-25', '2023-04-25')).toBe('Tue 25 Apr 2023');
  });

  it('names zones by their city, and says UTC once', () => {
    expect(zoneCity('Europe/Helsinki')).toBe('Helsinki');
    expect(zoneCity('America/Port_of_Spain')).toBe('Port of Spain');
    expect(zoneName(new Date('2023-04-26T09:00:00Z'), 'Europe/Helsinki')).toBe('Helsinki (EEST)');
    expect(zoneName(new Date('2023-04-26T09:00:00Z'), 'UTC')).toBe('UTC');
    expect(timeLabel('2023-04-26T09:00:00Z', 'Europe/Helsinki', 'UTC').viewerZone).toBe('UTC');
    // English keeps ICU's hyphen in offsets where it has no abbreviation.
    expect(zoneName(new Date('2023-04-26T09:00:00Z'), 'America/New_York')).toBe('New York (GMT-4)');
  });

  describe('in Finnish', () => {
    const fi = { locale: 'fi-FI' };
    const april = new Date('2023-04-26T09:00:00Z');

    it('labels a zone with its city and the UTC offset, as Finnish zone lists write it', () => {
      expect(zoneName(april, 'Europe/Helsinki', 'fi-FI')).toBe('Helsinki (UTC+3)');
      expect(zoneName(new Date('2023-01-26T09:00:00Z'), 'Europe/Helsinki', 'fi-FI')).toBe('Helsinki (UTC+2)');
      expect(zoneName(april, 'Europe/Brussels', 'fi-FI')).toBe('Brussels (UTC+2)');
      // Finnish writes a negative number with the minus sign (U+2212), as its numbers do.
      expect(zoneName(april, 'America/New_York', 'fi-FI')).toBe('New York (UTC\u22124)');
      expect(zoneName(april, 'Asia/Kolkata', 'fi-FI')).toBe('Kolkata (UTC+5.30)');
      expect(zoneName(april, 'UTC', 'fi-FI')).toBe('UTC');
    });

    it('never shows an English abbreviation or a GMT offset', () => {
      for (const zone of ['Europe/Helsinki', 'Europe/London', 'Europe/Stockholm', 'Asia/Tokyo', 'America/Sao_Paulo', 'Australia/Sydney', 'Africa/Cairo']) {
        for (const at of [april, new Date('2023-12-01T09:00:00Z')]) {
          expect(zoneName(at, zone, 'fi-FI')).toMatch(/^[^()]+ \(UTC([+\u2212]\d{1,2}(\.\d\d)?)?\)$/);
        }
      }
    });

    it('shows a range in Finnish clock times, with the viewer\'s range and zone beside it', () => {
      const brussels = timeRangeLabel('2023-04-26T07:30:00Z', '2023-04-26T09:00:00Z', 'Europe/Helsinki', 'Europe/Brussels', { ...fi, withDate: false });
      expect(brussels).toEqual({ eventRange: '10.30–12.00', eventZone: 'Helsinki (UTC+3)', viewerRange: '09.30–11.00', viewerZone: 'Brussels (UTC+2)' });
      const late = timeRangeLabel('2023-04-26T18:00:00Z', '2023-04-26T22:30:00Z', 'Europe/Helsinki', 'Asia/Tokyo', { ...fi, withDate: false });
      expect(late.eventRange).toMatch(/^21\.00–to 27\.4\.,? (klo )?01\.30$/);
      expect(late.viewerZone).toBe('Tokyo (UTC+9)');
    });

    it('shows an instant with a Finnish weekday and date', () => {
      const label = timeLabel('2023-04-26T06:00:00Z', 'Europe/Helsinki', 'America/New_York', fi);
      expect(label.eventTime).toMatch(/^ke 26\.4\.,? (klo )?09\.00$/);
      expect(label.eventZone).toBe('Helsinki (UTC+3)');
      expect(label.viewerTime).toMatch(/^ke 26\.4\.,? (klo )?02\.00$/);
      expect(label.viewerZone).toBe('New York (UTC\u22124)');
    });
  });
});
