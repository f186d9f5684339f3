import { useId } from 'react';
import type {
  EnvironmentState,
  PromotionReadiness,
} from '@stageline/plugin-environments-common';
import Dialog from '@material-ui/core/Dialog';
import DialogTitle from '@material-ui/core/DialogTitle';
import { Announcer } from '../Announcer';
import { PromoteForm } from './PromoteForm';

/**
 * Promote the source's version into the next environment: what and why, then how it goes. The
 * dialog hides the page from assistive technology, so it announces through its own status
 * region; closing it returns focus to the Promote button.
 */
export const PromoteDialog = (props: {
  open: boolean;
  readiness: PromotionReadiness;
  target: EnvironmentState;
  projectSlug?: string;
  mayBreakGlass: boolean;
  onClose: () => void;
  onChanged: () => void;
}) => {
  const titleId = useId();
  return (
    <Dialog
      open={props.open}
      onClose={props.onClose}
      aria-labelledby={titleId}
      maxWidth="md"
      fullWidth
    >
      <DialogTitle id={titleId}>
        Promote {props.readiness.source} → {props.readiness.target}
      </DialogTitle>
      {props.open && (
        <Announcer>
          <PromoteForm {...props} />
        </Announcer>
      )}
    </Dialog>
  );
};
