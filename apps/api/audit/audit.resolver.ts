import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { EventAuditLogService } from '../../../libs/events/index.js';
import { type Actor } from '../../../libs/identity/index.js';
import { CurrentActor } from '../graphql/current-actor.decorator.js';
import { type GraphQLContext } from '../graphql/request.js';
import { AccountModel } from '../identity/identity.models.js';
import { AuditEntryConnectionModel, AuditEntryModel, AuditLogArgs } from './audit.models.js';

@Resolver(() => AuditEntryModel)
export class AuditResolver {
  constructor(private readonly eventAuditLog: EventAuditLogService) {}

  @Query(() => AuditEntryConnectionModel, { description: "An event's audit log, newest first (organisers of the event only)." })
  async auditLog(@CurrentActor() actor: Actor | null, @Args() args: AuditLogArgs) {
    const page = await this.eventAuditLog.list(actor, args.eventId, args.filter ?? {}, args.first, args.after);
    return {
      nodes: page.items.map((item) => ({ ...item, details: JSON.stringify(item.details) })),
      pageInfo: { endCursor: page.endCursor, hasNextPage: page.hasNextPage },
    };
  }

  @ResolveField(() => AccountModel, { nullable: true, description: 'Who acted; null for the system or a deleted account.' })
  actor(@Parent() entry: AuditEntryModel, @Context() context: GraphQLContext) {
    return entry.actorAccountId ? context.loaders.accounts.load(entry.actorAccountId) : null;
  }
}
