// Native ESM Jest: Nest 12 ships ESM only (see README "Tests").
const tsJest = ['ts-jest', { useESM: true, tsconfig: 'tsconfig.spec.json' }];
const common = {
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': tsJest },
  testEnvironment: 'node',
};
export default {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      // The first app of a run migrates and loads the demo (verifications included) in its hook;
      // waits for workers are bounded inside the tests, this only catches a hung one on a slow host.
      testTimeout: 120_000,
      globalSetup: '<rootDir>/test/setup/global-setup.mjs',
      globalTeardown: '<rootDir>/test/setup/global-teardown.mjs',
    },
  ],
};
