import { type ReactNode, useId } from 'react';
import Dialog from '@material-ui/core/Dialog';
import DialogTitle from '@material-ui/core/DialogTitle';

/**
 * A modal dialog named by its visible title, filling the width up to `maxWidth`. Closing returns
 * focus to the control that opened it (Material UI's modal does that) unless the caller moves
 * focus itself.
 */
export const TitledDialog = (props: {
  open: boolean;
  title: ReactNode;
  maxWidth: 'sm' | 'md';
  onClose: () => void;
  disableRestoreFocus?: boolean;
  children: ReactNode;
}) => {
  const titleId = useId();
  return (
    <Dialog
      open={props.open}
      onClose={props.onClose}
      aria-labelledby={titleId}
      disableRestoreFocus={props.disableRestoreFocus}
      maxWidth={props.maxWidth}
      fullWidth
    >
      <DialogTitle id={titleId}>{props.title}</DialogTitle>
      {props.children}
    </Dialog>
  );
};
