import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  EntryDirection,
  EntryKind,
  FieldAudience,
  MatchmakingMode,
  MeetingRequestStatus,
  MeetingStatus,
  ProfileField,
  ReasonKind,
  RequestDirection,
  SlotState,
} from '../../../libs/matchmaking/index.js';
import { PageInfoModel } from '../events/events.models.js';
import { OrganisationType } from '../../../libs/identity/index.js';

registerEnumType(MatchmakingMode, { name: 'MatchmakingMode', description: 'Who puts accepted meetings into slots.' });
registerEnumType(EntryDirection, { name: 'MarketplaceDirection' });
registerEnumType(EntryKind, { name: 'MarketplaceKind' });
registerEnumType(ProfileField, { name: 'ProfileField', description: 'A profile field whose audience the participant chooses.' });
registerEnumType(FieldAudience, { name: 'FieldAudience' });
registerEnumType(MeetingRequestStatus, { name: 'MeetingRequestStatus' });
registerEnumType(MeetingStatus, { name: 'MeetingStatus' });
registerEnumType(RequestDirection, { name: 'MeetingRequestDirection' });
registerEnumType(SlotState, { name: 'SlotState' });
registerEnumType(ReasonKind, { name: 'RecommendationReasonKind' });

@ObjectType('MeetingSlot')
export class MeetingSlotModel {
  @Field(() => ID) id: string;
  @Field() startsAt: Date;
  @Field() endsAt: Date;
}

@ObjectType('MeetingWindow')
export class MeetingWindowModel {
  @Field() startsAt: Date;
  @Field() endsAt: Date;
}

@ObjectType('MeetingTable')
export class MeetingTableModel {
  @Field(() => Int) number: number;
  @Field({ description: 'The table name, or "Table <number>".' }) name: string;
}

@ObjectType('RecommendationWeights')
export class RecommendationWeightsModel {
  @Field(() => Float) offerMatchesSeek: number;
  @Field(() => Float) seekMatchesOffer: number;
  @Field(() => Float) sharedThemes: number;
  @Field(() => Float) sharedSectors: number;
  @Field(() => Float) complementaryTypes: number;
  @Field(() => Float) regionDiversity: number;
}

@ObjectType('MatchmakingSettings')
export class MatchmakingSettingsModel {
  @Field(() => ID) eventId: string;
  @Field(() => Int) meetingMinutes: number;
  @Field(() => [MeetingWindowModel]) windows: MeetingWindowModel[];
  @Field(() => Int) tableCount: number;
  @Field(() => [MeetingTableModel]) tables: MeetingTableModel[];
  @Field(() => Int) maxMeetingsPerParticipant: number;
  @Field(() => Date, { nullable: true }) requestsOpenAt: Date | null;
  @Field(() => Date, { nullable: true }) requestsCloseAt: Date | null;
  @Field(() => Int, { nullable: true, description: 'Pending requests expire after this many hours.' }) expireAfterHours: number | null;
  @Field(() => MatchmakingMode) mode: MatchmakingMode;
  @Field(() => [String], { description: 'The themes participants choose from.' }) themes: string[];
  @Field(() => [String], { description: 'The sectors participants choose from.' }) sectors: string[];
  @Field(() => RecommendationWeightsModel) weights: RecommendationWeightsModel;
  @Field({ description: 'Whether meeting requests can be sent now.' }) requestsOpen: boolean;
  @Field(() => [MeetingSlotModel]) slots: MeetingSlotModel[];
}

@InputType()
export class MeetingWindowInput {
  @Field() startsAt: Date;
  @Field() endsAt: Date;
}

@InputType()
export class RecommendationWeightsInput {
  @Field(() => Float, { nullable: true }) offerMatchesSeek?: number;
  @Field(() => Float, { nullable: true }) seekMatchesOffer?: number;
  @Field(() => Float, { nullable: true }) sharedThemes?: number;
  @Field(() => Float, { nullable: true }) sharedSectors?: number;
  @Field(() => Float, { nullable: true }) complementaryTypes?: number;
  @Field(() => Float, { nullable: true }) regionDiversity?: number;
}

@InputType()
export class MatchmakingSettingsInput {
  @Field(() => Int, { nullable: true }) meetingMinutes?: number;
  @Field(() => [MeetingWindowInput], { nullable: true, description: 'Replaces all windows; slots are regenerated.' })
  windows?: MeetingWindowInput[];
  @Field(() => Int, { nullable: true }) tableCount?: number;
  @Field(() => [String], { nullable: true, description: 'Names of tables 1, 2, … (optional, at most tableCount).' }) tableNames?: string[];
  @Field(() => Int, { nullable: true }) maxMeetingsPerParticipant?: number;
  @Field(() => Date, { nullable: true }) requestsOpenAt?: Date | null;
  @Field(() => Date, { nullable: true }) requestsCloseAt?: Date | null;
  @Field(() => Int, { nullable: true }) expireAfterHours?: number | null;
  @Field(() => MatchmakingMode, { nullable: true }) mode?: MatchmakingMode;
  @Field(() => [String], { nullable: true }) themes?: string[];
  @Field(() => [String], { nullable: true }) sectors?: string[];
  @Field(() => RecommendationWeightsInput, { nullable: true }) weights?: RecommendationWeightsInput;
}

@ObjectType('MarketplaceEntry')
export class MarketplaceEntryModel {
  @Field(() => ID) id: string;
  @Field(() => EntryDirection) direction: EntryDirection;
  @Field(() => EntryKind) kind: EntryKind;
  @Field() title: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => [String]) tags: string[];
  @Field() createdAt: Date;
}

@ObjectType('ParticipantOrganisation')
export class ParticipantOrganisationModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => OrganisationType) type: OrganisationType;
  @Field(() => String, { nullable: true }) country: string | null;
  @Field(() => String, { nullable: true }) region: string | null;
}

@ObjectType('FieldVisibility')
export class FieldVisibilityModel {
  @Field(() => ProfileField) field: ProfileField;
  @Field(() => FieldAudience) audience: FieldAudience;
}

@ObjectType('MatchmakingParticipant', {
  description: 'A participant as you may see them: fields they withheld from you are null or empty and listed in hiddenFields.',
})
export class MatchmakingParticipantModel {
  @Field(() => ID) accountId: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) jobTitle: string | null;
  @Field(() => ParticipantOrganisationModel, { nullable: true }) organisation: ParticipantOrganisationModel | null;
  @Field() takingPart: boolean;
  @Field(() => String, { nullable: true }) pitch: string | null;
  @Field(() => [String]) themes: string[];
  @Field(() => [String]) sectors: string[];
  @Field(() => [MarketplaceEntryModel]) offers: MarketplaceEntryModel[];
  @Field(() => [MarketplaceEntryModel]) seeks: MarketplaceEntryModel[];
  @Field(() => String, { nullable: true, description: 'Shown once you have an accepted meeting together (and to organisers).' })
  email: string | null;
  @Field(() => String, { nullable: true, description: 'Shown once you have an accepted meeting together (and to organisers).' })
  phone: string | null;
  @Field({ description: 'You have an accepted meeting with this person.' }) isMeetingPartner: boolean;
  @Field(() => [ProfileField]) hiddenFields: ProfileField[];
  @Field(() => [FieldVisibilityModel], { nullable: true, description: 'Who sees each field; only on your own profile and for organisers.' })
  visibility: FieldVisibilityModel[] | null;
}

@ObjectType('MatchmakingDirectory')
export class MatchmakingDirectoryModel {
  @Field(() => [MatchmakingParticipantModel]) nodes: MatchmakingParticipantModel[];
  @Field(() => PageInfoModel) pageInfo: PageInfoModel;
}

@InputType()
export class FieldVisibilityInput {
  @Field(() => ProfileField) field: ProfileField;
  @Field(() => FieldAudience) audience: FieldAudience;
}

@InputType()
export class MatchmakingProfileInput {
  @Field({ nullable: true, description: 'Take part in matchmaking (appear in the directory, receive requests).' }) takingPart?: boolean;
  @Field(() => String, { nullable: true }) pitch?: string | null;
  @Field(() => [String], { nullable: true, description: "From the event's list of themes." }) themes?: string[];
  @Field(() => [String], { nullable: true, description: "From the event's list of sectors." }) sectors?: string[];
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => [FieldVisibilityInput], { nullable: true }) visibility?: FieldVisibilityInput[];
}

@InputType()
export class MarketplaceEntryInput {
  @Field(() => EntryDirection) direction: EntryDirection;
  @Field(() => EntryKind) kind: EntryKind;
  @Field() title: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => [String], { nullable: true }) tags?: string[];
}

@InputType()
export class UpdateMarketplaceEntryInput {
  @Field(() => EntryDirection, { nullable: true }) direction?: EntryDirection;
  @Field(() => EntryKind, { nullable: true }) kind?: EntryKind;
  @Field({ nullable: true }) title?: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => [String], { nullable: true }) tags?: string[];
}

@InputType()
export class DirectoryFilterInput {
  @Field(() => [OrganisationType], { nullable: true }) organisationTypes?: OrganisationType[];
  @Field(() => [String], { nullable: true, description: 'ISO 3166-1 alpha-2 codes.' }) countries?: string[];
  @Field(() => [String], { nullable: true }) regions?: string[];
  @Field(() => [String], { nullable: true }) sectors?: string[];
  @Field(() => [String], { nullable: true }) themes?: string[];
  @Field(() => [EntryKind], { nullable: true, description: 'Has an offer or request of one of these kinds.' }) entryKinds?: EntryKind[];
  @Field(() => EntryDirection, { nullable: true }) entryDirection?: EntryDirection;
  @Field({ nullable: true, description: 'Free text in name, organisation, pitch, offers and requests.' }) text?: string;
}

@ObjectType('RecommendationReasonData')
export class RecommendationReasonDataModel {
  @Field(() => Float, { nullable: true }) component?: number;
  @Field(() => Float, { nullable: true, description: 'Cosine similarity of the two texts.' }) similarity?: number;
  @Field(() => ID, { nullable: true }) yourEntryId?: string;
  @Field(() => ID, { nullable: true }) theirEntryId?: string;
  @Field(() => [String], { nullable: true }) matchedTerms?: string[];
  @Field(() => [String], { nullable: true }) shared?: string[];
  @Field(() => String, { nullable: true }) yourType?: string | null;
  @Field(() => String, { nullable: true }) theirType?: string | null;
  @Field(() => String, { nullable: true }) yourRegion?: string | null;
  @Field(() => String, { nullable: true }) theirRegion?: string | null;
  @Field(() => String, { nullable: true }) yourCountry?: string | null;
  @Field(() => String, { nullable: true }) theirCountry?: string | null;
}

@ObjectType('RecommendationReason')
export class RecommendationReasonModel {
  @Field(() => ReasonKind) kind: ReasonKind;
  @Field() text: string;
  @Field(() => Float, { description: 'Points of the 0–100 score this reason adds.' }) points: number;
  @Field(() => RecommendationReasonDataModel) data: RecommendationReasonDataModel;
}

@ObjectType('Recommendation')
export class RecommendationModel {
  @Field(() => MatchmakingParticipantModel) participant: MatchmakingParticipantModel;
  @Field(() => Float, { description: '0–100.' }) score: number;
  @Field(() => [RecommendationReasonModel]) reasons: RecommendationReasonModel[];
}

@ObjectType('MeetingRequest')
export class MeetingRequestModel {
  @Field(() => ID) id: string;
  @Field(() => MeetingRequestStatus) status: MeetingRequestStatus;
  @Field(() => String, { nullable: true }) message: string | null;
  @Field(() => Int, { description: "The requester's ranking, 1 high to 3 low." }) priority: number;
  @Field(() => String, { nullable: true }) declineReason: string | null;
  @Field(() => Date, { nullable: true }) expiresAt: Date | null;
  @Field(() => Date, { nullable: true }) respondedAt: Date | null;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true, description: 'When the requester last changed it (message, proposed slot or priority); null if never.' })
  editedAt: Date | null;
  eventId: string;
  requesterId: string;
  recipientId: string;
  proposedSlotId: string | null;
}

@ObjectType('Meeting')
export class MeetingModel {
  @Field(() => ID) id: string;
  @Field(() => ID) requestId: string;
  @Field(() => MeetingStatus) status: MeetingStatus;
  @Field(() => Int, { nullable: true }) tableNumber: number | null;
  @Field({ description: 'Locked by the organisers: the scheduler keeps it where it is.' }) locked: boolean;
  @Field(() => String, { nullable: true }) cancelReason: string | null;
  @Field(() => String, { nullable: true, description: 'A video link for a partner joining remotely (https); the table stays booked.' })
  onlineUrl: string | null;
  @Field() createdAt: Date;
  eventId: string;
  requesterId: string;
  recipientId: string;
  slotId: string | null;
  rescheduleSlotId: string | null;
  rescheduleBy: string | null;
}

@ObjectType('SlotAvailability')
export class SlotAvailabilityModel {
  @Field(() => MeetingSlotModel) slot: MeetingSlotModel;
  @Field(() => SlotState) state: SlotState;
  @Field(() => String, { nullable: true }) reason: string | null;
  @Field(() => ID, { nullable: true }) meetingId: string | null;
}

@ObjectType('SlotProposal')
export class SlotProposalModel {
  @Field(() => MeetingSlotModel) slot: MeetingSlotModel;
  @Field(() => Int) tableNumber: number;
}

@ObjectType('AvailabilityBlock')
export class AvailabilityBlockModel {
  @Field(() => ID) id: string;
  @Field() startsAt: Date;
  @Field() endsAt: Date;
  @Field(() => String, { nullable: true }) reason: string | null;
}

@InputType()
export class AvailabilityBlockInput {
  @Field() startsAt: Date;
  @Field() endsAt: Date;
  @Field(() => String, { nullable: true }) reason?: string | null;
}

@InputType()
export class UpdateMeetingRequestInput {
  @Field(() => String, { nullable: true, description: 'The new message; null or empty removes it. Left out: unchanged.' }) message?: string | null;
  @Field(() => ID, { nullable: true, description: 'Another slot to propose (when participants pick slots); null withdraws the proposal. Left out: unchanged.' })
  proposedSlotId?: string | null;
  @Field(() => Int, { nullable: true, description: '1 high, 2, 3 low. Left out: unchanged.' }) priority?: number | null;
}

@InputType()
export class SendMeetingRequestInput {
  @Field(() => ID) recipientId: string;
  @Field(() => String, { nullable: true }) message?: string | null;
  @Field(() => ID, { nullable: true, description: 'A slot you propose (when participants pick slots).' }) proposedSlotId?: string | null;
  @Field(() => Int, { nullable: true, description: '1 high, 2 (default), 3 low.' }) priority?: number | null;
}
