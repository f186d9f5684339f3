module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  testRules: {
    // The hostile-input tests assert through a helper that checks the rejection and that
    // nothing was written.
    'jest/expect-expect': [
      'warn',
      { assertFunctionNames: ['expect', 'expectRejectedWithoutWrites'] },
    ],
  },
});
