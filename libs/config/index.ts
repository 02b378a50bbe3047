export { type AppConfig, ConfigError, isValidTimeZone, loadConfig, type LogLevel, type NodeEnv } from './app-config.js';
export { APP_CONFIG, ConfigModule } from './config.module.js';
