/**
 * How one event's setup becomes another's (see libs/event-copy): each domain library copies its
 * own rows from `fromEventId` to `toEventId` in the caller's transaction, moving instants with
 * `move` and keeping programme items inside `bounds` (the new event's first instant and the
 * instant after its last day).
 */
export interface EventCopyPlan {
  fromEventId: string;
  toEventId: string;
  move(instant: Date): Date;
  bounds: { start: Date; end: Date };
}
