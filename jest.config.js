/**
 * Jest runs the compiled specs in dist/ (tsc emits decorator metadata the way Nest needs),
 * in native ESM mode. `npm test` compiles first.
 */
export default {
  testEnvironment: 'node',
  rootDir: '.',
  roots: ['<rootDir>/dist'],
  testMatch: ['**/*.spec.js', '**/*.e2e-spec.js', '**/*.browser-spec.js'],
  transform: {},
  globalSetup: '<rootDir>/dist/test/support/global-setup.js',
  globalTeardown: '<rootDir>/dist/test/support/global-teardown.js',
  testTimeout: 60000,
  maxWorkers: 2,
  verbose: false,
};
