import { useState } from 'react';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import type { PreviewEnvironment } from '@stageline/plugin-environments-common';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { environmentsApiRef } from '../../api/EnvironmentsApi';
import { useAction } from '../../hooks/useAction';
import { ConfirmDialog } from '../ConfirmDialog';

/** How far one press of Extend pushes the expiry. */
const EXTEND_BY = '24h';

const useStyles = makeStyles(theme => ({
  buttons: { display: 'flex', flexWrap: 'wrap', gap: theme.spacing(0.5) },
}));

/**
 * Keep (pin), extend, and delete (after confirmation) one preview environment. A kept preview
 * never expires, so it offers no extension.
 */
export const PreviewActions = (props: {
  preview: PreviewEnvironment;
  onChanged: () => void;
}) => {
  const { namespace, keep } = props.preview;
  const classes = useStyles();
  const { entity } = useEntity();
  const entityRef = getCompoundEntityRef(entity);
  const api = useApi(environmentsApiRef);
  const [confirming, setConfirming] = useState(false);
  const pin = useAction(
    () => api.keepPreview(entityRef, namespace, !keep),
    props.onChanged,
  );
  const extend = useAction(
    () => api.extendPreview(entityRef, namespace, EXTEND_BY),
    props.onChanged,
  );
  const remove = useAction(
    () => api.deletePreview(entityRef, namespace),
    props.onChanged,
  );
  const error = pin.error ?? extend.error;
  return (
    <>
      <div className={classes.buttons}>
        <Button
          size="small"
          variant="outlined"
          disabled={pin.pending}
          aria-label={`${keep ? 'Unpin' : 'Keep'} ${namespace}`}
          onClick={() => pin.run()}
        >
          {keep ? 'Unpin' : 'Keep'}
        </Button>
        {!keep && (
          <Button
            size="small"
            variant="outlined"
            disabled={extend.pending}
            aria-label={`Extend ${namespace} by ${EXTEND_BY}`}
            onClick={() => extend.run()}
          >
            +{EXTEND_BY}
          </Button>
        )}
        <Button
          size="small"
          variant="outlined"
          aria-label={`Delete ${namespace}`}
          onClick={() => setConfirming(true)}
        >
          Delete
        </Button>
      </div>
      {error && (
        <Typography role="alert" variant="body2" color="error">
          {error}
        </Typography>
      )}
      <ConfirmDialog
        open={confirming}
        title={`Delete ${namespace}?`}
        confirmLabel="Delete"
        destructive
        pending={remove.pending}
        error={remove.error}
        onConfirm={async () => {
          if (await remove.run()) setConfirming(false);
        }}
        onClose={() => setConfirming(false)}
      >
        <Typography variant="body2">
          The namespace {namespace} and everything in it will be deleted.
        </Typography>
      </ConfirmDialog>
    </>
  );
};
