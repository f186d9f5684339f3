module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  testRules: {
    // Some tests assert through a helper named for the check it makes.
    'jest/expect-expect': [
      'warn',
      { assertFunctionNames: ['expect', 'expectNotFound'] },
    ],
  },
});
