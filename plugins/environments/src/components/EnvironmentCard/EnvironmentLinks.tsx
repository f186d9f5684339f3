import type { EnvironmentState } from '@stageline/plugin-environments-common';
import { makeStyles } from '@material-ui/core/styles';
import { ExternalLink } from '../ExternalLink';

const useStyles = makeStyles(theme => ({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5, 2),
    // Long host names break rather than push the card wider than its column.
    overflowWrap: 'anywhere',
  },
}));

/**
 * Where the service is reachable in an environment (its Ingress hosts) and the configured
 * links (logs, dashboards). ExternalLink keeps anything but http(s) from becoming a link.
 */
export const EnvironmentLinks = (props: {
  env: Pick<EnvironmentState, 'name' | 'urls' | 'links'>;
}) => {
  const classes = useStyles();
  const urls = props.env.urls ?? [];
  const links = props.env.links ?? [];
  if (urls.length === 0 && links.length === 0) return null;
  return (
    <div role="group" aria-label={`Links of ${props.env.name}`}>
      <ul className={classes.list}>
        {urls.map(url => (
          <li key={url}>
            <ExternalLink href={url}>{url}</ExternalLink>
          </li>
        ))}
        {links.map(link => (
          <li key={`${link.title}\n${link.url}`}>
            <ExternalLink href={link.url}>{link.title}</ExternalLink>
          </li>
        ))}
      </ul>
    </div>
  );
};
