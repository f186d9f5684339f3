import type { Config } from '@backstage/config';
import { type ChainsConfig, chainsSchema } from './chainsSchema';
import { parseConfigValue } from './parseConfigValue';

/** `environments.chains` validated (throws naming the key), without defaults. */
export function parseChainsConfig(config: Config): ChainsConfig {
  return parseConfigValue(
    chainsSchema,
    config.getOptional('environments.chains') ?? {},
    'environments.chains',
  );
}
