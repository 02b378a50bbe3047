export {
  type AppConfig,
  ConfigError,
  type GraphQLLimits,
  isValidTimeZone,
  loadConfig,
  type LoginLockoutConfig,
  type LogLevel,
  type MaterialsConfig,
  type NodeEnv,
  parseRateLimitRule,
  RATE_LIMITED_ACTIONS,
  type RateLimitedAction,
  type RateLimitRule,
  type RateLimitsConfig,
  type RateWindow,
} from './app-config.js';
export { APP_CONFIG, ConfigModule } from './config.module.js';
