import path from 'node:path';

/**
 * Where the end-to-end tests save a screenshot: an ignored folder (`.stageline/screenshots/`),
 * so a plain test run leaves the working tree clean. `scripts/refresh-screenshots.sh` copies the
 * ones the README shows into `docs/screenshots/`.
 */
export const screenshotPath = (name: string): string =>
  path.resolve(__dirname, '../../../.stageline/screenshots', name);
