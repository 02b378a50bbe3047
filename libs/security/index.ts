export { clientKey } from './client-key.js';
export { LoginThrottle } from './login-throttle.service.js';
export { type RateLimitHit, RateLimiter, type RateLimitSubject } from './rate-limiter.service.js';
export { SecurityException, SecurityReason } from './security.exception.js';
export { SecurityModule } from './security.module.js';
