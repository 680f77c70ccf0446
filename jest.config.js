const { availableParallelism } = require('node:os');
const e2e = require('./test/jest-e2e.json');

const shared = {
  moduleFileExtensions: ['js', 'json', 'ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { diagnostics: false, tsconfig: '<rootDir>/test/tsconfig.jest.json' }],
  },
  moduleNameMapper: { '^@domain/(.*)$': '<rootDir>/domain/$1' },
  testEnvironment: 'node',
};

module.exports = {
  // Jest's default is a worker per core but one: on two cores, one worker, and the suite ran 12 minutes of CI's 15.
  // Two workers there take 8; the suites use a database or schema each and wait on conditions, not on time.
  maxWorkers: Math.max(2, availableParallelism() - 1),
  projects: [
    {
      ...shared,
      displayName: 'unit',
      rootDir: __dirname,
      roots: ['<rootDir>/domain', '<rootDir>/src', '<rootDir>/test/projections'],
      testRegex: '\\.spec\\.ts$',
    },
    { ...shared, ...e2e, displayName: 'e2e', rootDir: __dirname },
  ],
};
