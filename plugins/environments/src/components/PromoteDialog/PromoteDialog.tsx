import type {
  EnvironmentState,
  PromotionReadiness,
} from '@stageline/plugin-environments-common';
import { Dialog, DialogHeader } from '@backstage/ui';
import { PromoteForm } from './PromoteForm';

/** Promote the source's version into the next environment: what, why, and then how it goes. */
export const PromoteDialog = (props: {
  isOpen: boolean;
  readiness: PromotionReadiness;
  target: EnvironmentState;
  projectSlug?: string;
  onClose: () => void;
  onChanged: () => void;
}) => (
  <Dialog
    isOpen={props.isOpen}
    onOpenChange={open => !open && props.onClose()}
    width={640}
  >
    <DialogHeader>
      Promote {props.readiness.source} → {props.readiness.target}
    </DialogHeader>
    {props.isOpen && <PromoteForm {...props} />}
  </Dialog>
);
