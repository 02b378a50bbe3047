import { Foundation1764086400000 } from './1764086400000-foundation.js';
import { Agenda1764086500000 } from './1764086500000-agenda.js';

/** Every migration, in order. Listed explicitly so the build needs no file globbing. */
export const migrations = [Foundation1764086400000, Agenda1764086500000];
