import { ReminderKind } from './entities/reminder-rule.entity.js';
import { COMMON_PLACEHOLDERS, KINDS, NotificationKind, placeholdersFor, REMINDER_NOTIFICATION_KIND } from './notification-kind.js';
import { DEFAULT_REMINDER_RULES } from './reminders.service.js';
import { placeholdersOf } from './templates.js';

describe('placeholders offered to organisers', () => {
  it('cover every placeholder of the default wording, plus the recipient and the event', () => {
    for (const kind of Object.values(NotificationKind)) {
      const offered = placeholdersFor(kind);
      expect(offered.slice(0, 3)).toEqual([...COMMON_PLACEHOLDERS]);
      if (KINDS[kind].ownWording === 'EACH_MESSAGE') continue;
      expect(offered).toEqual(expect.arrayContaining(placeholdersOf(`${KINDS[kind].subject} ${KINDS[kind].body}`)));
    }
  });

  it('cover what the built-in reminder rules use, per kind of reminder', () => {
    for (const rule of DEFAULT_REMINDER_RULES) {
      const offered = placeholdersFor(REMINDER_NOTIFICATION_KIND[rule.kind]);
      expect(offered).toEqual(expect.arrayContaining(placeholdersOf(`${rule.subject} ${rule.body}`)));
    }
    expect(placeholdersFor(REMINDER_NOTIFICATION_KIND[ReminderKind.MEETING])).toEqual(expect.arrayContaining(['withWhom', 'tableNumber', 'minutesBefore']));
    expect(placeholdersFor(REMINDER_NOTIFICATION_KIND[ReminderKind.SESSION_SPEAKING])).not.toContain('withWhom');
  });

  it('offer only the common ones for announcements, whose text is the organiser\'s own', () => {
    expect(placeholdersFor(NotificationKind.ANNOUNCEMENT)).toEqual([...COMMON_PLACEHOLDERS]);
  });
});
