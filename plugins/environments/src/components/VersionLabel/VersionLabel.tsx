import {
  type ImageReference,
  shortDigest,
} from '@stageline/plugin-environments-common';
import Typography from '@material-ui/core/Typography';
import { sourceCommitUrl } from '../../util/sourceCommitUrl';
import { ExternalLink } from '../ExternalLink';
import { VisuallyHidden } from '../VisuallyHidden';

const monospace = { fontFamily: 'monospace' };

function shortTag(tag: string): string {
  return /^[0-9a-f]{40}$/.test(tag) ? tag.slice(0, 7) : tag;
}

/**
 * A version as people read it: the tag (a short commit SHA, linked to the source commit when the
 * repository is known) and a short digest. The full tag and digest are text for screen readers
 * and on hover, never only a tooltip.
 */
export const VersionLabel = ({
  image,
  projectSlug,
}: {
  image?: ImageReference;
  projectSlug?: string;
}) => {
  if (!image) return <Typography component="span">—</Typography>;
  const label = image.tag ? shortTag(image.tag) : image.name;
  const full = [image.tag && `tag ${image.tag}`, image.digest]
    .filter(Boolean)
    .join(', digest ');
  return (
    <Typography
      component="span"
      variant="body2"
      style={monospace}
      title={full || undefined}
    >
      <ExternalLink
        href={sourceCommitUrl(image, projectSlug)}
        aria-label={image.tag ? `Source commit ${label}` : undefined}
      >
        {label}
      </ExternalLink>
      {image.digest && (
        <Typography component="span" variant="body2" color="textSecondary">
          {` @${shortDigest(image.digest)}`}
        </Typography>
      )}
      {full && <VisuallyHidden> ({full})</VisuallyHidden>}
    </Typography>
  );
};
