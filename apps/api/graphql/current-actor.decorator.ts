import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { type Actor } from '../../../libs/identity/index.js';
import { type ApiRequest } from './request.js';

/** The signed-in actor (null when anonymous), as set by ActorGuard. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor | null => {
  return requestOf(context).actor ?? null;
});

export function requestOf(context: ExecutionContext): ApiRequest {
  if (context.getType<string>() === 'graphql') return GqlExecutionContext.create(context).getContext().req;
  return context.switchToHttp().getRequest();
}
