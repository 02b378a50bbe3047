import { Global, Module } from '@nestjs/common';
import { LoginThrottle } from './login-throttle.service.js';
import { RateLimiter } from './rate-limiter.service.js';

/** Global so any feature's resolver or controller can put a rate limit on itself. */
@Global()
@Module({
  providers: [RateLimiter, LoginThrottle],
  exports: [RateLimiter, LoginThrottle],
})
export class SecurityModule {}
