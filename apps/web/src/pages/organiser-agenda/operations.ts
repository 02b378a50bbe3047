// The GraphQL operations of the agenda builder, shared by its parts; their result types are
// generated (scripts/web-codegen.mjs), and the types below only name slices of them.
import { graphql } from '../../gql/index.js';
import type { AgendaBuilderQuery, BuilderSeatsQuery } from '../../gql/graphql.js';

export const BuilderQuery = graphql(`
  query AgendaBuilder($eventId: ID!) {
    agenda(eventId: $eventId) {
      rooms { id name capacity location }
      tracks { id name colour }
      days {
        date
        sessions {
          id title description type status startsAt endsAt timeZone capacity language revision seated waiting
          room { id name }
          track { id name }
          people { accountId name role }
          roundTables { id topic seats seated waiting hostAccountId hostName }
        }
      }
    }
    agendaConflicts(eventId: $eventId) { kind severity message sessionIds }
  }
`);

export const ApprovedPeopleQuery = graphql(`
  query BuilderPeople($eventId: ID!) {
    participants(eventId: $eventId, status: APPROVED) { id account { id name } }
  }
`);

// Rooms and tracks
export const CreateRoomMutation = graphql(`
  mutation CreateRoom($eventId: ID!, $input: RoomInput!) { createRoom(eventId: $eventId, input: $input) { id } }
`);
export const UpdateRoomMutation = graphql(`
  mutation BuilderUpdateRoom($id: ID!, $input: UpdateRoomInput!) { updateRoom(id: $id, input: $input) { id name capacity location } }
`);
export const DeleteRoomMutation = graphql(`
  mutation BuilderDeleteRoom($id: ID!) { deleteRoom(id: $id) }
`);
export const CreateTrackMutation = graphql(`
  mutation CreateTrack($eventId: ID!, $input: TrackInput!) { createTrack(eventId: $eventId, input: $input) { id } }
`);
export const UpdateTrackMutation = graphql(`
  mutation BuilderUpdateTrack($id: ID!, $input: UpdateTrackInput!) { updateTrack(id: $id, input: $input) { id name colour } }
`);
export const DeleteTrackMutation = graphql(`
  mutation BuilderDeleteTrack($id: ID!) { deleteTrack(id: $id) }
`);

// Sessions
export const CreateSessionMutation = graphql(`
  mutation CreateSession($eventId: ID!, $input: CreateSessionInput!) { createSession(eventId: $eventId, input: $input) { id } }
`);
export const UpdateSessionMutation = graphql(`
  mutation BuilderUpdateSession($id: ID!, $input: UpdateSessionInput!) {
    updateSession(id: $id, input: $input) { id title description type status startsAt endsAt capacity language revision room { id name } track { id name } }
  }
`);
export const DeleteSessionMutation = graphql(`
  mutation BuilderDeleteSession($id: ID!) { deleteSession(id: $id) }
`);
export const SetSessionStatusMutation = graphql(`
  mutation SetSessionStatus($id: ID!, $status: SessionStatus!) { setSessionStatus(id: $id, status: $status) { id status } }
`);
export const SetPeopleMutation = graphql(`
  mutation SetSessionPeople($sessionId: ID!, $people: [SessionPersonInput!]!) { setSessionPeople(sessionId: $sessionId, people: $people) { id } }
`);
export const SessionChangesQuery = graphql(`
  query BuilderSessionChanges($sessionId: ID!) {
    sessionChanges(sessionId: $sessionId) { id revision changedAt changedBy changes { field old new } }
  }
`);

// Round tables and seats
export const AddTableMutation = graphql(`
  mutation AddRoundTable($sessionId: ID!, $input: RoundTableInput!) { addRoundTable(sessionId: $sessionId, input: $input) { id } }
`);
export const UpdateTableMutation = graphql(`
  mutation BuilderUpdateRoundTable($id: ID!, $input: UpdateRoundTableInput!) {
    updateRoundTable(id: $id, input: $input) { id roundTables { id topic seats seated waiting hostAccountId hostName } }
  }
`);
export const RemoveTableMutation = graphql(`
  mutation BuilderRemoveRoundTable($id: ID!) { removeRoundTable(id: $id) }
`);
export const SeatsQuery = graphql(`
  query BuilderSeats($sessionId: ID!) {
    sessionSeats(sessionId: $sessionId) { id accountId accountName roundTableId status waitingPosition }
  }
`);
export const RemoveSeatMutation = graphql(`
  mutation BuilderRemoveSeat($sessionId: ID!, $accountId: ID!) { removeSeat(sessionId: $sessionId, accountId: $accountId) }
`);

export type BuilderAgenda = AgendaBuilderQuery['agenda'];
export type BuilderRoom = BuilderAgenda['rooms'][number];
export type BuilderTrack = BuilderAgenda['tracks'][number];
export type BuilderSession = BuilderAgenda['days'][number]['sessions'][number];
export type BuilderTable = BuilderSession['roundTables'][number];
export type BuilderSeat = BuilderSeatsQuery['sessionSeats'][number];
/** Approved participants as choices for a person or host select. */
export type PersonChoice = { value: string; label: string };

// Messages to a session's people
export const SendSessionMessageMutation = graphql(`
  mutation SendSessionMessage($sessionId: ID!, $input: AnnouncementInput!, $audience: [SessionAudienceGroup!]) {
    sendSessionMessage(sessionId: $sessionId, input: $input, audience: $audience)
  }
`);
