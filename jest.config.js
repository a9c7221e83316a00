// Unit specs sit next to the code (server/, *.spec.ts); integration and browser tests live in test/.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/server', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.test.ts'],
  transform: { '^.+\\.(t|m?j)s$': swc },
  // Nest 12 and a few others ship ESM only; jest on Node 20 must transform them to CommonJS.
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|file-type|strtok3|token-types|uint8array-extras|@tokenizer|@borewit|otplib|@otplib|@noble|@scure|openid-client|oauth4webapi|jose)/)',
  ],
  // file-type publishes only `import` conditions; point jest (CommonJS) at its entry, which swc transforms.
  moduleNameMapper: { '^file-type$': '<rootDir>/node_modules/file-type/index.js' },
  setupFiles: ['<rootDir>/test/support/env.ts'],
  testTimeout: 30000,
  maxWorkers: 2,
};
