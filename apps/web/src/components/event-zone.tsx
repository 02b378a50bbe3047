import { Text } from '@mantine/core';
import { fmt, locale, m } from '../i18n/index.js';
import { browserZone, timeLabel, timeRangeLabel, zoneAbbreviation, zoneCity, zoneOffsetMinutes } from '../lib/time-display.js';

/** One instant: event-zone time, labelled, with the viewer's own time beside it when it differs. */
export function EventTime({ at, zone, withDate = true }: { at: string; zone: string; withDate?: boolean }) {
  const label = timeLabel(at, zone, browserZone(zone), { locale, withDate });
  return (
    <span>
      <time dateTime={at}>{label.eventTime}</time>{' '}
      <Text span size="sm" c="dimmed">
        {label.eventZone}
      </Text>
      {label.viewerTime && (
        <Text span size="sm" c="dimmed">
          {' · '}
          {label.viewerTime} {label.viewerZone}
        </Text>
      )}
    </span>
  );
}

/** A start and an end in the event's zone, labelled once, with the viewer's own range beside it when it differs. */
export function EventTimeRange({ start, end, zone, withDate = true }: { start: string; end: string; zone: string; withDate?: boolean }) {
  const label = timeRangeLabel(start, end, zone, browserZone(zone), { locale, withDate });
  return (
    <span>
      <time dateTime={start}>{label.eventRange}</time>{' '}
      <Text span size="sm" c="dimmed">
        {label.eventZone}
      </Text>
      {label.viewerRange && (
        <Text span size="sm" c="dimmed">
          {' · '}
          {label.viewerRange} {label.viewerZone}
        </Text>
      )}
    </span>
  );
}

/** States the event's zone and, when it differs, that the viewer's time is shown too. */
export function ZoneNote({ zone, day }: { zone: string; day: string }) {
  const at = new Date(`${day}T12:00:00Z`);
  const viewer = browserZone(zone);
  const same = zoneOffsetMinutes(at, zone) === zoneOffsetMinutes(at, viewer);
  const named = (z: string) => {
    const city = zoneCity(z);
    const abbreviation = zoneAbbreviation(at, z, locale);
    return city === abbreviation ? fmt(m.events.zoneTime, { city }) : fmt(m.events.zoneTimeAbbreviated, { city, abbreviation });
  };
  return (
    <Text size="sm" c="dimmed">
      {fmt(m.events.timeZoneNote, { zone: named(zone) })}{' '}
      {same ? m.events.sameZoneNote : fmt(m.events.viewerZoneNote, { zone: named(viewer) })}
    </Text>
  );
}
