import type { ReactNode } from 'react';
import { Link } from '@backstage/core-components';
import { safeHref } from '../../util/safeHref';

/**
 * A link that opens in a new tab when its URL is http(s); plain text otherwise, so a local
 * repository or a hostile URL never becomes a dead or dangerous link.
 */
export const ExternalLink = (props: {
  href?: string;
  children: ReactNode;
  'aria-label'?: string;
}) => {
  const href = safeHref(props.href);
  if (!href) return <span>{props.children}</span>;
  return (
    <Link
      to={href}
      target="_blank"
      rel="noopener noreferrer"
      aria-label={props['aria-label']}
    >
      {props.children}
    </Link>
  );
};
