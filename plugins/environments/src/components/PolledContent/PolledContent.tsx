import type { ReactNode } from 'react';
import { Progress, WarningPanel } from '@backstage/core-components';
import type { PolledValue } from '../../hooks/usePolledValue';
import { errorMessage } from '../../util/errorMessage';

/**
 * What a polled value shows: a spinner while it first loads, a warning titled `failure` when it
 * could not be loaded, else the value (a failed refresh keeps showing the last one).
 */
export function PolledContent<T>(props: {
  polled: PolledValue<T>;
  /** The warning's title, e.g. "Could not load delivery metrics". */
  failure: string;
  children: (value: T) => ReactNode;
}) {
  const { value, error, loading } = props.polled;
  if (loading) return <Progress />;
  if (error && value === undefined) {
    return (
      <WarningPanel
        severity="error"
        title={props.failure}
        message={errorMessage(error)}
      />
    );
  }
  if (value === undefined) return null;
  return <>{props.children(value)}</>;
}
