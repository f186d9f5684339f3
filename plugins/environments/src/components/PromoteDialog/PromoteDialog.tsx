import { Announcer } from '../Announcer';
import { TitledDialog } from '../ConfirmDialog';
import { PromoteForm, type PromoteFormProps } from './PromoteForm';

/**
 * Promote the source's version into the next environment: what and why, then how it goes. The
 * dialog hides the page from assistive technology, so it announces through its own status
 * region; closing it returns focus to the Promote button.
 */
export const PromoteDialog = (props: PromoteFormProps & { open: boolean }) => (
  <TitledDialog
    open={props.open}
    title={`Promote ${props.readiness.source} → ${props.readiness.target}`}
    maxWidth="md"
    onClose={props.onClose}
  >
    {props.open && (
      <Announcer>
        <PromoteForm {...props} />
      </Announcer>
    )}
  </TitledDialog>
);
