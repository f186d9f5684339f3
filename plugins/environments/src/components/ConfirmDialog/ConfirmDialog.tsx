import type { ReactNode } from 'react';
import {
  Button,
  Dialog,
  DialogBody,
  DialogFooter,
  DialogHeader,
  Text,
} from '@backstage/ui';

/** Asks before a consequential action; shows the server's error if it fails. */
export const ConfirmDialog = (props: {
  isOpen: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  destructive?: boolean;
  pending: boolean;
  error?: string;
  onConfirm: () => void;
  onClose: () => void;
}) => (
  <Dialog isOpen={props.isOpen} onOpenChange={open => !open && props.onClose()}>
    <DialogHeader>{props.title}</DialogHeader>
    <DialogBody>
      {props.children}
      {props.error && (
        <Text as="p" role="alert" color="danger" variant="body-small">
          {props.error}
        </Text>
      )}
    </DialogBody>
    <DialogFooter>
      <Button variant="secondary" onPress={props.onClose}>
        Cancel
      </Button>
      <Button
        variant="primary"
        destructive={props.destructive}
        isPending={props.pending}
        onPress={props.onConfirm}
      >
        {props.confirmLabel}
      </Button>
    </DialogFooter>
  </Dialog>
);
