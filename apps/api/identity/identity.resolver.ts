import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AccountsService, type Actor, PasswordResetService, SuspensionsService } from '../../../libs/identity/index.js';
import { CurrentActor } from '../graphql/current-actor.decorator.js';
import { RateLimit } from '../security/rate-limit.guard.js';
import { type GraphQLContext } from '../graphql/request.js';
import { AccountModel, AuthPayloadModel, OrganisationModel, PlatformAccountModel, RegisterAccountInput } from './identity.models.js';

@Resolver(() => AccountModel)
export class IdentityResolver {
  constructor(
    private readonly accounts: AccountsService,
    private readonly suspensions: SuspensionsService,
    private readonly passwords: PasswordResetService,
  ) {}

  @Mutation(() => AuthPayloadModel, { description: 'Create an account and sign in.' })
  @RateLimit('register')
  register(@Args('input') input: RegisterAccountInput) {
    return this.accounts.register(input);
  }

  @Mutation(() => AuthPayloadModel, { description: 'Sign in; the token goes in "Authorization: Bearer <token>".' })
  @RateLimit('login', { account: (args) => args.email })
  login(@Args('email') email: string, @Args('password') password: string, @Context() context: GraphQLContext) {
    return this.accounts.login(email, password, { ip: context.req.ip });
  }

  @Mutation(() => Boolean, {
    description:
      'E-mail a link to set a new password (forgotten, or never set for an imported account). Always true: the answer never says whether the address has an account. The link works once, for an hour.',
  })
  @RateLimit('passwordReset', { account: (args) => args.email })
  async requestPasswordReset(@Args('email') email: string) {
    await this.passwords.request(email);
    return true;
  }

  @Mutation(() => AuthPayloadModel, { description: 'Set a new password with the token of an e-mailed link; every earlier session ends and you are signed in.' })
  @RateLimit('passwordReset')
  resetPassword(@Args('token') token: string, @Args('password') password: string) {
    return this.passwords.reset(token, password);
  }

  @Mutation(() => AuthPayloadModel, { description: 'Change your password, giving the current one; your other sessions end and this one gets a new token.' })
  changePassword(
    @CurrentActor() actor: Actor | null,
    @Args('currentPassword') currentPassword: string,
    @Args('newPassword') newPassword: string,
    @Context() context: GraphQLContext,
  ) {
    return this.passwords.change(actor, currentPassword, newPassword, { ip: context.req.ip });
  }

  @Mutation(() => Boolean, { description: 'Sign out everywhere: every token issued to you so far stops working, this one included.' })
  async revokeAllMyTokens(@CurrentActor() actor: Actor | null) {
    await this.accounts.revokeAllTokens(actor);
    return true;
  }

  @Mutation(() => Boolean, { description: 'Platform administrators: suspend an account; its tokens and sign-ins are refused (ACCOUNT_SUSPENDED).' })
  async suspendAccount(@CurrentActor() actor: Actor | null, @Args('accountId', { type: () => ID }) accountId: string, @Args('reason') reason: string) {
    await this.suspensions.suspend(actor, accountId, reason);
    return true;
  }

  @Mutation(() => Boolean, { description: 'Platform administrators: lift a suspension; the person signs in again (tokens from before stay revoked).' })
  async reinstateAccount(@CurrentActor() actor: Actor | null, @Args('accountId', { type: () => ID }) accountId: string) {
    await this.suspensions.reinstate(actor, accountId);
    return true;
  }

  @Query(() => AccountModel, { description: 'The signed-in account.' })
  me(@CurrentActor() actor: Actor | null) {
    return this.accounts.current(actor);
  }

  @Query(() => PlatformAccountModel, { description: 'Platform administrators: find an account by its e-mail, with its suspension.' })
  platformAccount(@CurrentActor() actor: Actor | null, @Args('email') email: string) {
    return this.suspensions.findByEmail(actor, email);
  }

  @ResolveField(() => Boolean, {
    nullable: true,
    description: 'On your own account: whether you are a platform administrator (PLATFORM_ADMIN_EMAILS). Null on anyone else\'s.',
  })
  isPlatformAdmin(@Parent() account: AccountModel, @CurrentActor() actor: Actor | null) {
    return actor?.accountId === account.id ? this.suspensions.isPlatformAdmin(actor) : null;
  }

  @ResolveField(() => OrganisationModel, { nullable: true })
  organisation(@Parent() account: AccountModel, @Context() context: GraphQLContext) {
    return account.organisationId ? context.loaders.organisations.load(account.organisationId) : null;
  }
}
