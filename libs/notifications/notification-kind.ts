import { ReminderKind } from './entities/reminder-rule.entity.js';
import { placeholdersOf } from './templates.js';

/** Every kind of message ClusterMeet sends. */
export enum NotificationKind {
  PASSWORD_RESET = 'PASSWORD_RESET',
  ACCOUNT_INVITATION = 'ACCOUNT_INVITATION',
  REGISTRATION_RECEIVED = 'REGISTRATION_RECEIVED',
  REGISTRATION_APPROVED = 'REGISTRATION_APPROVED',
  REGISTRATION_DECLINED = 'REGISTRATION_DECLINED',
  MEETING_REQUEST_RECEIVED = 'MEETING_REQUEST_RECEIVED',
  MEETING_REQUEST_UPDATED = 'MEETING_REQUEST_UPDATED',
  MEETING_REQUEST_ACCEPTED = 'MEETING_REQUEST_ACCEPTED',
  MEETING_REQUEST_DECLINED = 'MEETING_REQUEST_DECLINED',
  MEETING_REQUEST_CANCELLED = 'MEETING_REQUEST_CANCELLED',
  MEETING_REQUEST_RESCHEDULED = 'MEETING_REQUEST_RESCHEDULED',
  MEETING_REQUEST_EXPIRED = 'MEETING_REQUEST_EXPIRED',
  MEETING_SCHEDULED = 'MEETING_SCHEDULED',
  MEETING_MOVED = 'MEETING_MOVED',
  MEETING_ONLINE_LINK = 'MEETING_ONLINE_LINK',
  SEAT_CONFIRMED = 'SEAT_CONFIRMED',
  SEAT_PROMOTED = 'SEAT_PROMOTED',
  SESSION_MOVED = 'SESSION_MOVED',
  SESSION_CANCELLED = 'SESSION_CANCELLED',
  MATERIALS_MISSING = 'MATERIALS_MISSING',
  DAILY_DIGEST = 'DAILY_DIGEST',
  FOLLOW_UP_REMINDER = 'FOLLOW_UP_REMINDER',
  MEETING_REMINDER = 'MEETING_REMINDER',
  SESSION_REMINDER = 'SESSION_REMINDER',
  MATCHMAKING_REMINDER = 'MATCHMAKING_REMINDER',
  ANNOUNCEMENT = 'ANNOUNCEMENT',
  SESSION_MESSAGE = 'SESSION_MESSAGE',
}

export interface KindDefinition {
  /** Essential messages are always sent; optional ones carry a one-click unsubscribe. */
  essential: boolean;
  subject: string;
  body: string;
  /**
   * Set where each message brings its own wording, so the event's template is never used:
   * reminders are worded by the reminder rules, announcements when they are written, and the
   * platform's own messages (about the account, not an event) always in the default wording.
   */
  ownWording?: 'REMINDER_RULES' | 'EACH_MESSAGE' | 'PLATFORM';
  /** What the sender fills in besides the common placeholders, when more than the default uses. */
  placeholders?: readonly string[];
}

/** Filled in for every message: the recipient and the event. */
export const COMMON_PLACEHOLDERS = ['recipientName', 'eventName', 'eventUrl'] as const;
/** What the reminder sweep fills in for every reminder (RemindersService.sweep). */
const REMINDER_PLACEHOLDERS = ['title', 'startsAt', 'endsAt', 'location', 'url', 'minutesBefore'] as const;

/**
 * Default wording of each kind. Placeholders in {{double braces}}: always recipientName,
 * eventName, eventUrl; otherwise what the sender put in `data` (title, startsAt, endsAt,
 * location, tableNumber, withWhom, message, reason, url, ...). Times appear in the event's zone.
 */
export const KINDS: Record<NotificationKind, KindDefinition> = {
  PASSWORD_RESET: {
    essential: true,
    // The account's, not an event's: no event wording applies.
    ownWording: 'PLATFORM',
    subject: 'Set your ClusterMeet password',
    body:
      'Hello {{recipientName}},\n\nuse this link to set a new password for your ClusterMeet account. It works once, until {{expiresAt}}:\n\n{{url}}\n\n' +
      'If you did not ask for it, ignore this message: your password stays as it is.',
  },
  ACCOUNT_INVITATION: {
    essential: true,
    subject: 'Your place at {{eventName}}: set up your ClusterMeet account',
    body:
      'Hello {{recipientName}},\n\nthe organisers of {{eventName}} have registered you on ClusterMeet, where you find the agenda, ' +
      'book one-to-one meetings and get your personal calendar. Set your password with this link; it works once, until {{expiresAt}}:\n\n{{url}}\n\n{{eventUrl}}',
  },
  REGISTRATION_RECEIVED: {
    essential: true,
    subject: 'We received your registration for {{eventName}}',
    body: 'Hello {{recipientName}},\n\nthank you for registering for {{eventName}}. {{statusLine}}\n\n{{eventUrl}}',
  },
  REGISTRATION_APPROVED: {
    essential: true,
    subject: 'You are registered for {{eventName}}',
    body: 'Hello {{recipientName}},\n\nthe organisers approved your registration for {{eventName}}. See you there!\n\n{{eventUrl}}',
  },
  REGISTRATION_DECLINED: {
    essential: true,
    subject: 'Your registration for {{eventName}}',
    body: 'Hello {{recipientName}},\n\nthe organisers could not accept your registration for {{eventName}}. Reply to this message to contact them.',
  },
  MEETING_REQUEST_RECEIVED: {
    essential: true,
    subject: '{{withWhom}} would like to meet you at {{eventName}}',
    body: 'Hello {{recipientName}},\n\n{{withWhom}} sent you a meeting request:\n\n{{message}}\n\nAnswer it here: {{url}}',
  },
  MEETING_REQUEST_UPDATED: {
    essential: true,
    subject: '{{withWhom}} changed their meeting request',
    body: 'Hello {{recipientName}},\n\n{{withWhom}} changed the meeting request they sent you at {{eventName}}.\n\nMessage: {{message}}\nProposed time: {{startsAt}}\n\nAnswer it here: {{url}}',
  },
  MEETING_REQUEST_ACCEPTED: {
    essential: true,
    subject: '{{withWhom}} accepted your meeting request',
    body: 'Hello {{recipientName}},\n\n{{withWhom}} accepted your meeting request at {{eventName}}.\n\n{{url}}',
  },
  MEETING_REQUEST_DECLINED: {
    essential: true,
    subject: '{{withWhom}} declined your meeting request',
    body: 'Hello {{recipientName}},\n\n{{withWhom}} declined your meeting request at {{eventName}}. {{reason}}',
  },
  MEETING_REQUEST_CANCELLED: {
    essential: true,
    subject: 'Meeting with {{withWhom}} cancelled',
    body: 'Hello {{recipientName}},\n\nyour meeting with {{withWhom}} at {{eventName}} ({{startsAt}}) was cancelled. {{reason}}',
  },
  MEETING_REQUEST_RESCHEDULED: {
    essential: true,
    subject: '{{withWhom}} proposes another time',
    body: 'Hello {{recipientName}},\n\n{{withWhom}} proposes to meet at {{startsAt}} instead. Answer here: {{url}}',
  },
  MEETING_REQUEST_EXPIRED: {
    essential: false,
    subject: 'Your meeting request to {{withWhom}} expired',
    body: 'Hello {{recipientName}},\n\nyour meeting request to {{withWhom}} at {{eventName}} was not answered in time and expired.',
  },
  MEETING_SCHEDULED: {
    essential: true,
    subject: 'Meeting with {{withWhom}}: {{startsAt}}, table {{tableNumber}}',
    body: 'Hello {{recipientName}},\n\nyour meeting with {{withWhom}} is scheduled:\n\nWhen: {{startsAt}} – {{endsAt}}\nWhere: table {{tableNumber}}, {{location}}\n\n{{url}}',
  },
  MEETING_MOVED: {
    essential: true,
    subject: 'Meeting with {{withWhom}} moved to {{startsAt}}, table {{tableNumber}}',
    body: 'Hello {{recipientName}},\n\nyour meeting with {{withWhom}} moved:\n\nWhen: {{startsAt}} – {{endsAt}}\nWhere: table {{tableNumber}}, {{location}}\n\n{{url}}',
  },
  MEETING_ONLINE_LINK: {
    essential: true,
    // linkChange: "video link added" / "new video link" / "video link removed"; linkNote: the
    // sentence before the link (or, when it was removed, that the meeting is in person again).
    subject: 'Meeting with {{withWhom}}: {{linkChange}}',
    body: 'Hello {{recipientName}},\n\n{{linkNote}}\n{{onlineUrl}}\n\nWhen: {{startsAt}}\nWhere: {{location}}\n\n{{url}}',
    placeholders: ['endsAt', 'tableNumber'],
  },
  SEAT_CONFIRMED: {
    essential: true,
    subject: 'Your seat: {{title}}',
    body: 'Hello {{recipientName}},\n\nyou have a seat at {{title}} ({{startsAt}}, {{location}}).',
  },
  SEAT_PROMOTED: {
    essential: true,
    subject: 'A seat became free for you: {{title}}',
    body: 'Hello {{recipientName}},\n\na seat became free and it is yours: {{title}} ({{startsAt}}, {{location}}).',
  },
  SESSION_MOVED: {
    essential: true,
    subject: 'Moved: {{title}} is now at {{startsAt}}',
    body: 'Hello {{recipientName}},\n\n{{title}} moved. It now takes place {{startsAt}} – {{endsAt}} in {{location}}.',
  },
  SESSION_CANCELLED: {
    essential: true,
    subject: 'Cancelled: {{title}}',
    body: 'Hello {{recipientName}},\n\n{{title}} ({{startsAt}}) is cancelled.',
  },
  MATERIALS_MISSING: {
    essential: true,
    subject: 'Your materials for {{title}} are missing',
    body: 'Hello {{recipientName}},\n\nplease upload your materials for {{title}} before {{deadline}}: {{url}}',
  },
  DAILY_DIGEST: {
    essential: false,
    subject: 'Your agenda tomorrow at {{eventName}}',
    body: 'Hello {{recipientName}},\n\nhere is your agenda for tomorrow:\n\n{{agenda}}',
  },
  FOLLOW_UP_REMINDER: {
    essential: false,
    subject: 'What came of your meetings at {{eventName}}?',
    body:
      'Hello {{recipientName}},\n\nfollow-up round {{roundNumber}} of {{eventName}} closes on {{closesOn}}. ' +
      'You have not yet told us what came of {{unanswered}} of your meetings:\n\n{{meetings}}\n\nIt takes a minute: {{url}}',
  },
  MEETING_REMINDER: {
    essential: false,
    ownWording: 'REMINDER_RULES',
    placeholders: [...REMINDER_PLACEHOLDERS, 'withWhom', 'tableNumber'],
    subject: 'Reminder: meeting with {{withWhom}} at {{startsAt}}',
    body: 'Hello {{recipientName}},\n\nyour meeting with {{withWhom}} starts {{startsAt}} at {{location}}.',
  },
  SESSION_REMINDER: {
    essential: false,
    ownWording: 'REMINDER_RULES',
    placeholders: REMINDER_PLACEHOLDERS,
    subject: 'Reminder: {{title}} at {{startsAt}}',
    body: 'Hello {{recipientName}},\n\n{{title}} starts {{startsAt}} in {{location}}.',
  },
  MATCHMAKING_REMINDER: {
    essential: false,
    ownWording: 'REMINDER_RULES',
    placeholders: REMINDER_PLACEHOLDERS,
    subject: 'Matchmaking at {{eventName}}: {{title}}',
    body: 'Hello {{recipientName}},\n\n{{title}}: {{startsAt}}.\n\n{{eventUrl}}',
  },
  ANNOUNCEMENT: {
    essential: true,
    ownWording: 'EACH_MESSAGE',
    placeholders: [],
    subject: '{{subject}}',
    body: '{{body}}',
  },
  // An organiser's message to the people of one session (sendSessionMessage): worded when sent,
  // with the session's facts to fill in.
  SESSION_MESSAGE: {
    essential: true,
    ownWording: 'EACH_MESSAGE',
    placeholders: ['title', 'startsAt', 'endsAt', 'location'],
    subject: '{{subject}}',
    body: '{{body}}',
  },
};

/** The kind of message each kind of reminder rule sends. */
export const REMINDER_NOTIFICATION_KIND: Record<ReminderKind, NotificationKind> = {
  MEETING: NotificationKind.MEETING_REMINDER,
  SESSION_ATTENDING: NotificationKind.SESSION_REMINDER,
  SESSION_SPEAKING: NotificationKind.SESSION_REMINDER,
  MATCHMAKING_OPENS: NotificationKind.MATCHMAKING_REMINDER,
  MATCHMAKING_CLOSES: NotificationKind.MATCHMAKING_REMINDER,
};

/**
 * The placeholders a message of this kind has values for: the common ones, those its default
 * wording uses and what its sender adds. Others are accepted but stay empty.
 */
export function placeholdersFor(kind: NotificationKind): string[] {
  const { subject, body, placeholders, ownWording } = KINDS[kind];
  // An announcement's default is just {{subject}} and {{body}}: the text the organiser writes.
  const fromDefault = ownWording === 'EACH_MESSAGE' ? [] : placeholdersOf(`${subject}\n${body}`);
  return [...new Set([...COMMON_PLACEHOLDERS, ...fromDefault, ...(placeholders ?? [])])];
}

export function isEssential(kind: NotificationKind): boolean {
  return KINDS[kind].essential;
}

export function isNotificationKind(value: string): value is NotificationKind {
  return Object.prototype.hasOwnProperty.call(KINDS, value);
}
