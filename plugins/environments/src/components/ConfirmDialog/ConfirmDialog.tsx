import type { ReactNode } from 'react';
import Button from '@material-ui/core/Button';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import Typography from '@material-ui/core/Typography';
import { TitledDialog } from './TitledDialog';

/** Asks before a consequential action; shows the server's error if it fails. */
export const ConfirmDialog = (props: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** The button that keeps things as they are; "Cancel" unless that would read oddly. */
  dismissLabel?: string;
  destructive?: boolean;
  pending: boolean;
  error?: string;
  onConfirm: () => void;
  onClose: () => void;
  /** Set when the caller moves focus itself (the opening control goes away on success). */
  disableRestoreFocus?: boolean;
}) => {
  return (
    <TitledDialog
      open={props.open}
      title={props.title}
      maxWidth="sm"
      onClose={props.onClose}
      disableRestoreFocus={props.disableRestoreFocus}
    >
      <DialogContent>
        {props.children}
        {props.error && (
          <Typography role="alert" color="error" variant="body2">
            {props.error}
          </Typography>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>
          {props.dismissLabel ?? 'Cancel'}
        </Button>
        <Button
          variant="contained"
          color={props.destructive ? 'secondary' : 'primary'}
          disabled={props.pending}
          onClick={props.onConfirm}
        >
          {props.confirmLabel}
        </Button>
      </DialogActions>
    </TitledDialog>
  );
};
