import { useState, useId } from 'react';
import type {
  ApprovalRequest,
  ImageReference,
} from '@stageline/plugin-environments-common';
import { formatImageReference } from '@stageline/plugin-environments-common';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { useApi } from '@backstage/core-plugin-api';
import { environmentsApiRef } from '../../api/EnvironmentsApi';
import { useAction } from '../../hooks/useAction';

const useStyles = makeStyles(theme => ({
  form: { display: 'flex', flexDirection: 'column', gap: theme.spacing(1) },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: theme.spacing(1) },
}));

/**
 * Approve or reject a promotion, with an optional comment. The decision names the version and
 * target base on screen: the backend refuses it (409) when either moved since.
 */
export const ApprovalForm = (props: {
  promotionId: string;
  /** The promotion's version, as shown above the form. */
  version: ImageReference;
  /** What the target's card shows Git declares; undefined when it shows none. */
  targetBase?: ImageReference;
  onChanged: () => void;
  /** After a decision was recorded: announce it and move focus (these buttons go away). */
  onDecided: (decision: ApprovalRequest['decision']) => void;
}) => {
  const classes = useStyles();
  const api = useApi(environmentsApiRef);
  const [comment, setComment] = useState('');
  const commentId = useId();
  const decide = useAction(
    (decision: ApprovalRequest['decision']) =>
      api.decideApproval(props.promotionId, {
        decision,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
        version: formatImageReference(props.version),
        targetBase: props.targetBase
          ? formatImageReference(props.targetBase)
          : null,
      }),
    props.onChanged,
  );
  const run = async (decision: ApprovalRequest['decision']) => {
    if (await decide.run(decision)) props.onDecided(decision);
  };
  return (
    <div className={classes.form}>
      <TextField
        id={commentId}
        label="Approval comment"
        multiline
        minRows={2}
        variant="outlined"
        size="small"
        value={comment}
        onChange={e => setComment(e.target.value)}
      />
      <div className={classes.buttons}>
        <Button
          size="small"
          variant="contained"
          color="primary"
          disabled={decide.pending}
          onClick={() => run('approve')}
        >
          Approve
        </Button>
        <Button
          size="small"
          variant="outlined"
          disabled={decide.pending}
          onClick={() => run('reject')}
        >
          Reject
        </Button>
      </div>
      {decide.error && (
        <Typography role="alert" variant="body2" color="error">
          {decide.error}
        </Typography>
      )}
    </div>
  );
};
