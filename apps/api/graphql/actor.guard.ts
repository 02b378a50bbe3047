import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { TokenService } from '../../../libs/identity/index.js';
import { requestOf } from './current-actor.decorator.js';

/**
 * Resolves `Authorization: Bearer` into an actor once per request. It never refuses by itself:
 * services decide who may do what. A forged or expired token is an UNAUTHENTICATED error.
 */
@Injectable()
export class ActorGuard implements CanActivate {
  constructor(private readonly tokens: TokenService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = requestOf(context);
    if (req && req.actor === undefined) req.actor = await this.tokens.actorFromHeader(req.headers?.authorization);
    return true;
  }
}
