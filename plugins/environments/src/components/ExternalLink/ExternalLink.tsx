import type { ReactNode } from 'react';
import { Link, Text } from '@backstage/ui';
import { safeHref } from '../../util/safeHref';

/** A link that opens in a new tab when its URL is http(s); plain text otherwise. */
export const ExternalLink = (props: {
  href?: string;
  children: ReactNode;
  'aria-label'?: string;
}) => {
  const href = safeHref(props.href);
  if (!href) return <Text variant="body-small">{props.children}</Text>;
  return (
    <Link
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      variant="body-small"
      aria-label={props['aria-label']}
    >
      {props.children}
    </Link>
  );
};
