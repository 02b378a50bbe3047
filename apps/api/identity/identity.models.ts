import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { OrganisationType } from '../../../libs/identity/index.js';

registerEnumType(OrganisationType, { name: 'OrganisationType', description: 'What kind of organisation a participant comes from.' });

@ObjectType('Organisation')
export class OrganisationModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => OrganisationType) type: OrganisationType;
  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code.' }) country: string | null;
  @Field(() => String, { nullable: true }) region: string | null;
  @Field(() => String, { nullable: true }) website: string | null;
  @Field(() => String, { nullable: true }) description: string | null;
}

@ObjectType('Account')
export class AccountModel {
  @Field(() => ID) id: string;
  @Field() email: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) jobTitle: string | null;
  organisationId: string | null;
}

@ObjectType('PlatformAccount', { description: 'An account as platform administrators see it, with its suspension.' })
export class PlatformAccountModel {
  @Field(() => ID) id: string;
  @Field() email: string;
  @Field() name: string;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true, description: 'Set while the account is suspended.' }) suspendedAt: Date | null;
  @Field(() => String, { nullable: true }) suspendedReason: string | null;
}

@ObjectType('AuthPayload')
export class AuthPayloadModel {
  @Field({ description: 'Send as "Authorization: Bearer <token>".' }) token: string;
  @Field() expiresAt: Date;
  @Field(() => AccountModel) account: AccountModel;
}

@InputType()
export class OrganisationInput {
  @Field() name: string;
  @Field(() => OrganisationType) type: OrganisationType;
  @Field(() => String, { nullable: true }) country?: string | null;
  @Field(() => String, { nullable: true }) region?: string | null;
  @Field(() => String, { nullable: true }) website?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
}

@InputType()
export class RegisterAccountInput {
  @Field() email: string;
  @Field() name: string;
  @Field({ description: 'At least 10 characters.' }) password: string;
  @Field(() => String, { nullable: true }) jobTitle?: string | null;
  @Field(() => OrganisationInput, { nullable: true }) organisation?: OrganisationInput | null;
  @Field(() => String, { nullable: true, description: 'Version of the consent wording the person agreed to (required; see docs/security.md).' })
  consentVersion?: string | null;
}
