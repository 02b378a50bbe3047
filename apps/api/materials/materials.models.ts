import { Extensions, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MaterialFileType, MaterialVisibility } from '../../../libs/materials/index.js';
import { AgendaSessionModel, SessionPersonModel } from '../agenda/agenda.models.js';

registerEnumType(MaterialVisibility, {
  name: 'MaterialVisibility',
  description: 'PUBLIC: anyone; PARTICIPANTS: approved participants; PRIVATE: organisers and the session people.',
});
registerEnumType(MaterialFileType, { name: 'MaterialFileType', description: 'A file type recognised by its content.' });

@ObjectType('MaterialPerson', { description: 'Who uploaded or owns a material (name only).' })
export class MaterialPersonModel {
  @Field(() => ID) id: string;
  @Field() name: string;
}

@ObjectType('MaterialVersion', { description: 'One uploaded file of a material; never changes.' })
export class MaterialVersionModel {
  @Field(() => ID) id: string;
  @Field(() => Int, { description: '1 for the first upload.' }) version: number;
  @Field({ description: 'Sanitised file name offered on download.' }) fileName: string;
  @Field(() => MaterialFileType) fileType: MaterialFileType;
  @Field() contentType: string;
  @Field(() => Float, { description: 'Bytes.' }) sizeBytes: number;
  @Field({ description: 'SHA-256 of the content, hex.' }) sha256: string;
  @Field() uploadedAt: Date;
  @Field({ description: 'Path of the download (GET, same Authorization header).' }) downloadUrl: string;
  uploadedBy: string | null;
}

@ObjectType('Material', { description: 'Slides or another file a session presents, with its versions.' })
export class MaterialModel {
  @Field(() => ID) id: string;
  @Field(() => ID) eventId: string;
  @Field(() => ID) sessionId: string;
  @Field() title: string;
  @Field(() => MaterialVisibility) visibility: MaterialVisibility;
  @Field({ description: 'Hidden from all but the organisers and the session people until the session starts.' }) embargoUntilStart: boolean;
  @Field({ description: 'The embargo is in force now.' }) embargoed: boolean;
  @Field({ description: 'You may change it, upload a new version, delete it and see older versions.' }) canManage: boolean;
  @Field(() => MaterialVersionModel) currentVersion: MaterialVersionModel;
  @Extensions({ listSize: 3 })
  @Field(() => [MaterialVersionModel], { description: 'Newest first. Older versions only for organisers and the owner.' })
  versions: MaterialVersionModel[];
  @Field({ description: 'Path of the current version download.' }) downloadUrl: string;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
  ownerAccountId: string | null;
}

@InputType()
export class UpdateMaterialInput {
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => MaterialVisibility, { nullable: true }) visibility?: MaterialVisibility | null;
  @Field(() => Boolean, { nullable: true }) embargoUntilStart?: boolean | null;
}

@ObjectType('MaterialsSettings', { description: "An event's rules for presenter materials." })
export class MaterialsSettingsModel {
  @Field(() => ID) eventId: string;
  @Extensions({ listSize: 8 }) @Field(() => [MaterialFileType]) allowedTypes: MaterialFileType[];
  @Field(() => Float, { description: 'Largest file accepted, in bytes (default 50 MB).' }) maxBytes: number;
  @Field(() => Float, { description: 'The highest maxBytes this installation allows, in bytes.' }) maxBytesLimit: number;
  @Field(() => Date, { nullable: true, description: 'Speakers should upload by then; see sessionsMissingMaterials.' }) uploadDeadline: Date | null;
  @Field({ description: 'Anyone may download the materials pack once the event is over.' }) packPublic: boolean;
  @Field({ description: 'Path of the materials pack ZIP.' }) packUrl: string;
}

@InputType()
export class UpdateMaterialsSettingsInput {
  @Field(() => [MaterialFileType], { nullable: true }) allowedTypes?: MaterialFileType[] | null;
  @Field(() => Float, { nullable: true }) maxBytes?: number | null;
  @Field(() => Date, { nullable: true, description: 'Set null to clear.' }) uploadDeadline?: Date | null;
  @Field(() => Boolean, { nullable: true }) packPublic?: boolean | null;
}

@ObjectType('MissingMaterials', { description: 'A session whose speakers have not uploaded anything yet.' })
export class MissingMaterialsModel {
  @Field(() => AgendaSessionModel) session: AgendaSessionModel;
  @Extensions({ listSize: 3 }) @Field(() => [SessionPersonModel], { description: 'Speakers who uploaded nothing to this session.' }) speakers: SessionPersonModel[];
  @Field(() => Date, { nullable: true }) deadline: Date | null;
  @Field({ description: 'The deadline has passed.' }) overdue: boolean;
}
