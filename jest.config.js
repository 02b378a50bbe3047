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
  // Node never frees a vm.SourceTextModule (nodejs/node#33439, #59118), so in native ESM mode a
  // worker holds every finished test file's module graph (a whole Nest app, about 35 MB a file)
  // until it exits, and then unmapping that heap outlasts Jest's 500 ms grace: Jest kills the
  // worker and reports "failed to exit gracefully" although no handle is open. A fresh worker
  // once the heap passes this bound keeps the exit quick.
  workerIdleMemoryLimit: '256MB',
  verbose: false,
};
