import { matchesLabelRequirements } from './matchesLabelRequirements';
import { parseLabelSelector } from './parseLabelSelector';

const labels = { app: 'checkout', tier: 'api' };

describe('matchesLabelRequirements', () => {
  it.each([
    ['', true],
    ['app=checkout', true],
    ['app==payments', false],
    ['app!=payments', true],
    ['missing!=x', true],
    ['app', true],
    ['missing', false],
    ['!missing', true],
    ['!app', false],
    ['tier in (api,web)', true],
    ['missing in (api)', false],
    ['tier notin (api)', false],
    ['missing notin (api)', true],
    ['app=checkout,tier=web', false],
  ])('%j -> %s', (selector, expected) => {
    expect(matchesLabelRequirements(parseLabelSelector(selector), labels)).toBe(
      expected,
    );
  });

  it('treats absent labels as empty', () => {
    expect(matchesLabelRequirements(parseLabelSelector('!a'), undefined)).toBe(
      true,
    );
    expect(matchesLabelRequirements(parseLabelSelector('a'), undefined)).toBe(
      false,
    );
  });
});
