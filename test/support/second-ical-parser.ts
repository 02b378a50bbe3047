import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Debian's Python with python3-icalendar (`apt-get install python3-icalendar`; .ci/run installs it). */
const PYTHON = '/usr/bin/python3';

const SCRIPT = `
import json, sys
from datetime import timezone
from icalendar import Calendar
cal = Calendar.from_ical(sys.stdin.buffer.read())
out = []
for e in cal.walk('VEVENT'):
    def utc(name):
        v = e.decoded(name)
        # A TZID time resolves through the zone database of the Python side (pytz), not our VTIMEZONE.
        return v.astimezone(timezone.utc).strftime('%Y-%m-%dT%H:%M:%S.000Z')
    out.append({'uid': str(e.get('UID')), 'start': utc('DTSTART'), 'end': utc('DTEND'), 'sequence': int(e.get('SEQUENCE', 0)),
                'status': str(e.get('STATUS', '')), 'summary': str(e.get('SUMMARY', '')), 'tzid': e.get('DTSTART').params.get('TZID')})
print(json.dumps({'timezones': [str(z.get('TZID')) for z in cal.walk('VTIMEZONE')], 'events': out}))
`;

export interface SecondParserEvent {
  uid: string;
  start: string;
  end: string;
  sequence: number;
  status: string;
  summary: string;
  tzid: string | null;
}

/** Whether the second parser can run here; when not, the specs using it say so and skip. */
export function secondParserAvailable(): boolean {
  return existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import icalendar'], { stdio: 'ignore' }).status === 0;
}

/**
 * Reads a feed with Python's icalendar, an implementation independent of ical.js, resolving
 * TZID times with its own zone database: both must agree with the database's instants.
 */
export function parseWithPython(ics: string): { timezones: string[]; events: SecondParserEvent[] } {
  const run = spawnSync(PYTHON, ['-c', SCRIPT], { input: ics, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`python3 icalendar refused the feed:\n${run.stderr}`);
  return JSON.parse(run.stdout);
}
