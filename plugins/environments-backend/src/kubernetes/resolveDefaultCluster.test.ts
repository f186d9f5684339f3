import { ConfigReader } from '@backstage/config';
import { resolveDefaultCluster } from './resolveDefaultCluster';

const clusters = [
  { name: 'a', url: 'https://a' },
  { name: 'b', url: 'https://b' },
];

describe('resolveDefaultCluster', () => {
  it('defaults to the first cluster, or none', () => {
    expect(resolveDefaultCluster(new ConfigReader({}), clusters)).toBe('a');
    expect(resolveDefaultCluster(new ConfigReader({}), [])).toBeUndefined();
  });

  it('uses environments.defaultCluster when it names a known cluster', () => {
    const config = new ConfigReader({ environments: { defaultCluster: 'b' } });
    expect(resolveDefaultCluster(config, clusters)).toBe('b');
  });

  it('throws naming the key for an unknown cluster', () => {
    const config = new ConfigReader({ environments: { defaultCluster: 'c' } });
    expect(() => resolveDefaultCluster(config, clusters)).toThrow(
      "Invalid config at 'environments.defaultCluster': unknown cluster 'c' (configured: 'a', 'b')",
    );
  });
});
