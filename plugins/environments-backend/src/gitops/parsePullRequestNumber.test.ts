import { parsePullRequestNumber } from './parsePullRequestNumber';

describe('parsePullRequestNumber', () => {
  it.each([
    ['Merge pull request #12 from acme/feature', 12],
    ['Merge pull request #7 from acme/x\n\nTitle (#9)', 7],
    ['Promote checkout to qa (#12)', 12],
    ['Promote checkout to qa (#12)  \n\nbody', 12],
    ['Fix #12 in the parser', undefined],
    ['Revert "x (#3)" and more', undefined],
    ['Body mentions (#4)\n\nsecond line (#5)', 4],
    ['', undefined],
  ])('reads %j', (message, number) => {
    expect(parsePullRequestNumber(message)).toBe(number);
  });
});
