import { Foundation1764086400000 } from './1764086400000-foundation.js';
import { Agenda1764086500000 } from './1764086500000-agenda.js';
import { Matchmaking1764086600000 } from './1764086600000-matchmaking.js';
import { Notifications1764086700000 } from './1764086700000-notifications.js';
import { Security1764086800000 } from './1764086800000-security.js';
import { Calendar1764086900000 } from './1764086900000-calendar.js';
import { Materials1764087000000 } from './1764087000000-materials.js';
import { SchedulingRuns1764087100000 } from './1764087100000-scheduling-runs.js';
import { Outcomes1764087200000 } from './1764087200000-outcomes.js';
import { Privacy1764087300000 } from './1764087300000-privacy.js';
import { Suspension1764087400000 } from './1764087400000-suspension.js';
import { MaterialFileSweep1764087500000 } from './1764087500000-material-file-sweep.js';
import { AvailabilityGuard1764087600000 } from './1764087600000-availability-guard.js';
import { MaterialUploadIntent1764087700000 } from './1764087700000-material-upload-intent.js';
import { MeetingRequestEdits1764087800000 } from './1764087800000-meeting-request-edits.js';
import { PasswordReset1764087900000 } from './1764087900000-password-reset.js';
import { MeetingOnlineLink1764088200000 } from './1764088200000-meeting-online-link.js';
import { SessionFeedback1764088400000 } from './1764088400000-session-feedback.js';

/** Every migration, in order. Listed explicitly so the build needs no file globbing. */
export const migrations = [Foundation1764086400000, Agenda1764086500000, Matchmaking1764086600000, Notifications1764086700000, Security1764086800000, Calendar1764086900000, Materials1764087000000, SchedulingRuns1764087100000, Outcomes1764087200000, Privacy1764087300000, Suspension1764087400000, MaterialFileSweep1764087500000, AvailabilityGuard1764087600000, MaterialUploadIntent1764087700000, MeetingRequestEdits1764087800000, PasswordReset1764087900000, MeetingOnlineLink1764088200000, SessionFeedback1764088400000];
