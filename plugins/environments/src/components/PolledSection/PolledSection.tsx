import type { ReactNode } from 'react';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { Flex, Text } from '@backstage/ui';
import type { PolledValue } from '../../hooks/usePolledValue';
import { errorMessage } from '../../util/errorMessage';
import { isTooManyRequests } from '../../util/tooManyRequests';

/**
 * A titled part of the tab with its own loading and error states, so one failing endpoint never
 * blanks the others; after a failed refresh the last data stays, with a note.
 */
export function PolledSection<T>(props: {
  title: string;
  polled: PolledValue<T>;
  children: (value: T) => ReactNode;
}) {
  const { value, error, loading } = props.polled;
  let body: ReactNode = null;
  if (value !== undefined) body = props.children(value);
  // A 429 is no failure to investigate: say when to try again rather than show the error panel.
  else if (isTooManyRequests(error)) {
    body = (
      <Text role="alert" variant="body-small" color="warning">
        {errorMessage(error)}
      </Text>
    );
  } else if (error) body = <ResponseErrorPanel error={error} />;
  else if (loading) body = <Progress />;
  return (
    <section aria-label={props.title}>
      <Flex direction="column" gap="3">
        <Text as="h2" variant="title-small">
          {props.title}
        </Text>
        {value !== undefined && error && (
          <Text role="status" variant="body-small" color="warning">
            Could not refresh: {errorMessage(error)}
          </Text>
        )}
        {body}
      </Flex>
    </section>
  );
}
