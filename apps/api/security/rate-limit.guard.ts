import { applyDecorators, type CanActivate, type ExecutionContext, HttpException, HttpStatus, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { type Response } from 'express';
import { type RateLimitedAction } from '../../../libs/config/index.js';
import { RateLimiter, SecurityException } from '../../../libs/security/index.js';
import { requestOf } from '../graphql/current-actor.decorator.js';

export interface RateLimitOptions {
  /**
   * Who the per-account budget belongs to, read from the operation's arguments (GraphQL) or
   * the body, query and route parameters (REST). Default: the signed-in account.
   */
  account?: (args: Record<string, any>) => unknown;
}

const RATE_LIMIT = Symbol('RATE_LIMIT');

/**
 * Puts a resolver or REST route under `action`'s budgets (RATE_LIMIT_<ACTION> in the config):
 *
 *   @RateLimit('meetingRequest')                                 // per IP and per signed-in account
 *   @RateLimit('login', { account: (args) => args.email })       // per IP and per e-mail
 *
 * Over budget: GraphQL error TOO_MANY_REQUESTS with extensions.retryAfterSeconds, or for REST
 * HTTP 429; both set a Retry-After header.
 */
export function RateLimit(action: RateLimitedAction, options: RateLimitOptions = {}) {
  return applyDecorators(SetMetadata(RATE_LIMIT, { action, options }), UseGuards(RateLimitGuard));
}

@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limiter: RateLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const meta = this.reflector.get<{ action: RateLimitedAction; options: RateLimitOptions } | undefined>(RATE_LIMIT, context.getHandler());
    if (!meta) return true;
    const req = requestOf(context);
    const graphql = context.getType<string>() === 'graphql';
    const args = graphql ? GqlExecutionContext.create(context).getArgs() : { ...req.query, ...req.params, ...(typeof req.body === 'object' ? req.body : {}) };
    const chosen = meta.options.account ? meta.options.account(args) : req.actor?.accountId;
    const account = typeof chosen === 'string' && chosen.trim() ? chosen.trim().slice(0, 320) : null;
    try {
      await this.limiter.consume(meta.action, { ip: req.ip ?? req.socket?.remoteAddress ?? null, account });
      return true;
    } catch (error) {
      if (!(error instanceof SecurityException)) throw error;
      const res: Response | undefined = graphql ? req.res : context.switchToHttp().getResponse();
      res?.setHeader('Retry-After', String(error.retryAfterSeconds));
      if (graphql) throw error;
      throw new HttpException(
        { statusCode: HttpStatus.TOO_MANY_REQUESTS, code: error.kind, reason: error.reason, message: error.message, retryAfterSeconds: error.retryAfterSeconds },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
  }
}
