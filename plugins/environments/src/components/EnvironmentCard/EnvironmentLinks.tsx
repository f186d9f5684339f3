import type { EnvironmentState } from '@stageline/plugin-environments-common';
import { Flex } from '@backstage/ui';
import { ExternalLink } from '../ExternalLink';

/**
 * Where the service is reachable in an environment (its Ingress hosts) and the configured
 * links (logs, dashboards). ExternalLink keeps anything but http(s) from becoming a link.
 */
export const EnvironmentLinks = (props: {
  env: Pick<EnvironmentState, 'name' | 'urls' | 'links'>;
}) => {
  const urls = props.env.urls ?? [];
  const links = props.env.links ?? [];
  if (urls.length === 0 && links.length === 0) return null;
  return (
    <Flex
      direction="column"
      gap="1"
      role="group"
      aria-label={`Links of ${props.env.name}`}
    >
      {urls.map(url => (
        <ExternalLink key={url} href={url}>
          {url}
        </ExternalLink>
      ))}
      {links.length > 0 && (
        <Flex gap="2" style={{ flexWrap: 'wrap' }}>
          {links.map(link => (
            <ExternalLink key={`${link.title}\n${link.url}`} href={link.url}>
              {link.title}
            </ExternalLink>
          ))}
        </Flex>
      )}
    </Flex>
  );
};
