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
