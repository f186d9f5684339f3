import type { Config } from '@backstage/config';
import { z } from 'zod/v3';
import { dns1123Label } from './chainsSchema';
import type { Environment, LinkTemplate } from './Environment';
import { urlTemplateSchema } from './urlTemplate';
import { parseConfigValue } from './parseConfigValue';

const KEY = 'environments.links';

const linkSchema = z
  .object({
    title: z.string().trim().min(1).max(100),
    url: urlTemplateSchema,
    environments: z.array(dns1123Label).min(1).optional(),
  })
  .strict();

const linksSchema = z.array(linkSchema);

/**
 * Reads `environments.links`, in config order. Throws naming the key on an invalid template or
 * on an environment no chain has (a typo would otherwise hide the link without a word).
 */
export function readLinksConfig(
  config: Config,
  chains: Map<string, Environment[]>,
): LinkTemplate[] {
  const links = parseConfigValue(
    linksSchema,
    config.getOptional(KEY) ?? [],
    KEY,
  );
  const known = new Set(
    [...chains.values()].flat().map(env => env.definition.name),
  );
  links.forEach((link, index) => {
    const unknown = link.environments?.findIndex(name => !known.has(name));
    if (unknown !== undefined && unknown >= 0) {
      throw new Error(
        `Invalid config at '${KEY}.${index}.environments.${unknown}': no chain has an environment '${
          link.environments![unknown]
        }' (known: ${[...known].join(', ')})`,
      );
    }
  });
  return links;
}

/** Whether a link template applies to an environment: it names the environment, or none. */
export function linkAppliesTo(template: LinkTemplate, environment: string) {
  return !template.environments || template.environments.includes(environment);
}
