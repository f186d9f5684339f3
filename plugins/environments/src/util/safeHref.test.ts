import { safeHref } from './safeHref';

describe('safeHref', () => {
  it('keeps http and https URLs', () => {
    expect(safeHref('https://github.com/a/b/pull/1')).toBe(
      'https://github.com/a/b/pull/1',
    );
    expect(safeHref('http://preview.local/')).toBe('http://preview.local/');
  });

  it('drops script, data and relative URLs', () => {
    // Hostile fixtures on purpose: these must not become links.
    // eslint-disable-next-line no-script-url
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    // eslint-disable-next-line no-script-url
    expect(safeHref('JaVaScRiPt:alert(1)')).toBeUndefined();
    expect(safeHref('data:text/html,<script>')).toBeUndefined();
    expect(safeHref('/relative')).toBeUndefined();
    expect(safeHref(undefined)).toBeUndefined();
  });
});
