import { breakGlassProblems } from './breakGlassProblems';

describe('breakGlassProblems', () => {
  it('accepts an http(s) incident link with a reason', () => {
    expect(
      breakGlassProblems('https://incidents.acme.test/INC-7', 'checkout down'),
    ).toEqual({});
    expect(breakGlassProblems(' http://x.test ', 'r')).toEqual({});
  });

  it('asks for a missing incident and reason', () => {
    expect(breakGlassProblems(' ', ' ')).toEqual({
      incident: 'Enter the incident link: break glass needs one',
      reason: 'Enter a reason: break glass needs one',
    });
  });

  it('refuses an incident that is not an http(s) address', () => {
    for (const incident of [
      'INC-7',
      'ftp://x.test/7',
      // eslint-disable-next-line no-script-url -- a hostile fixture on purpose
      'javascript:alert(1)',
      'https://x.test/INC 7',
    ]) {
      expect(breakGlassProblems(incident, 'r').incident).toBe(
        'Enter the incident as a web address starting with https:// or http://',
      );
    }
  });
});
