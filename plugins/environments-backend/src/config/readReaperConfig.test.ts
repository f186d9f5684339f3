import { ConfigReader } from '@backstage/config';
import { readReaperConfig } from './readReaperConfig';

function read(reaper: Record<string, string | number | boolean>) {
  return readReaperConfig(
    new ConfigReader({ environments: { previews: { reaper } } }),
  );
}

describe('readReaperConfig', () => {
  it('runs for real every 5 minutes by default', () => {
    expect(readReaperConfig(new ConfigReader({}))).toEqual({
      enabled: true,
      dryRun: false,
      frequencyMs: 300_000,
    });
  });

  it('reads every key', () => {
    expect(read({ enabled: false, dryRun: true, frequency: '1h' })).toEqual({
      enabled: false,
      dryRun: true,
      frequencyMs: 3_600_000,
    });
  });

  it.each([
    [{ enabled: 'no' }, 'enabled', 'boolean'],
    [{ dryRun: 1 }, 'dryRun', 'boolean'],
    [{ frequency: 'hourly' }, 'frequency', 'not a duration'],
    [{ frequency: '1s' }, 'frequency', 'at least 10s'],
    [{ frequncy: '5m' }, '', 'frequncy'],
  ])('rejects %j naming the key', (reaper, key, message) => {
    const path = ['environments.previews.reaper', key].filter(Boolean);
    expect(() => read(reaper)).toThrow(
      `Invalid config at '${path.join('.')}': `,
    );
    expect(() => read(reaper)).toThrow(message);
  });
});
