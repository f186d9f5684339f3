import type { PromotionLinks as Links } from '@stageline/plugin-environments-common';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { ExternalLink } from '../ExternalLink';

const useStyles = makeStyles(theme => ({
  row: { display: 'flex', flexWrap: 'wrap', gap: theme.spacing(0.5, 2) },
}));

/**
 * What a promotion wrote: pull request, commit, workflow run. Each is a link only when its URL
 * is a web page (a local GitOps repository has none), else plain text.
 */
export const PromotionLinks = ({ links }: { links: Links }) => {
  const classes = useStyles();
  if (!links.pullRequest && !links.commit && !links.workflowRun) return null;
  return (
    <Typography variant="body2" component="div" className={classes.row}>
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
    </Typography>
  );
};
