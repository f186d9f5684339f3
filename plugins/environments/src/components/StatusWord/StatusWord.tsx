import type { ComponentType, ReactNode } from 'react';
import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusRunning,
  StatusWarning,
} from '@backstage/core-components';

/** The kinds of Backstage status icons. */
export type StatusKind =
  | 'ok'
  | 'warning'
  | 'error'
  | 'pending'
  | 'running'
  | 'aborted';

const icons: Record<StatusKind, ComponentType<any>> = {
  ok: StatusOK,
  warning: StatusWarning,
  error: StatusError,
  pending: StatusPending,
  running: StatusRunning,
  aborted: StatusAborted,
};

/**
 * A Backstage status icon followed by its word. The core components hide themselves from
 * assistive technology and carry a generic label ("Status ok"); here the word is the content, so
 * both are undone and the word is what a screen reader reads.
 */
export const StatusWord = (props: {
  kind: StatusKind;
  children: ReactNode;
  id?: string;
  'aria-label'?: string;
}) => {
  const Icon = icons[props.kind];
  return (
    <Icon
      id={props.id}
      aria-hidden={undefined}
      aria-label={props['aria-label']}
      role={props['aria-label'] ? 'group' : undefined}
      data-status={props.kind}
    >
      {props.children}
    </Icon>
  );
};
