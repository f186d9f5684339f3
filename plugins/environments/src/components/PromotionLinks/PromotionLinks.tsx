import type { PromotionLinks as Links } from '@stageline/plugin-environments-common';
import { Flex } from '@backstage/ui';
import { ExternalLink } from '../ExternalLink';

/** Links to what a promotion wrote: pull request, commit, workflow run. */
export const PromotionLinks = ({ links }: { links: Links }) => (
  <Flex gap="3" style={{ flexWrap: 'wrap' }}>
    {links.pullRequest && (
      <ExternalLink href={links.pullRequest.url}>
        PR #{links.pullRequest.number}
      </ExternalLink>
    )}
    {links.commit && (
      <ExternalLink href={links.commit.url}>
        commit {links.commit.sha.slice(0, 7)}
      </ExternalLink>
    )}
    {links.workflowRun && (
      <ExternalLink href={links.workflowRun.url}>
        workflow run{links.workflowRun.id ? ` ${links.workflowRun.id}` : ''}
      </ExternalLink>
    )}
  </Flex>
);
