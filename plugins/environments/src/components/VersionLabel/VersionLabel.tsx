import {
  type ImageReference,
  shortDigest,
} from '@stageline/plugin-environments-common';
import { Text } from '@backstage/ui';
import { sourceCommitUrl } from '../../util/sourceCommitUrl';
import { ExternalLink } from '../ExternalLink';

const monospace = { fontFamily: 'var(--bui-font-monospace, monospace)' };

function shortTag(tag: string): string {
  return /^[0-9a-f]{40}$/.test(tag) ? tag.slice(0, 7) : tag;
}

/**
 * A version as people read it: the tag (a short commit SHA, linked to the source commit when the
 * repository is known) and a short digest.
 */
export const VersionLabel = ({
  image,
  projectSlug,
}: {
  image?: ImageReference;
  projectSlug?: string;
}) => {
  if (!image) return <Text variant="body-small">—</Text>;
  const label = image.tag ? shortTag(image.tag) : image.name;
  return (
    <span style={monospace} title={image.digest ?? image.tag}>
      <ExternalLink
        href={sourceCommitUrl(image, projectSlug)}
        aria-label={image.tag ? `Source commit ${label}` : undefined}
      >
        {label}
      </ExternalLink>
      {image.digest && (
        <Text variant="body-small" color="secondary">
          {` @${shortDigest(image.digest)}`}
        </Text>
      )}
    </span>
  );
};
