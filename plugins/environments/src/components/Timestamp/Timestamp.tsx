import { timeAgo } from '../../util/timeAgo';
import { VisuallyHidden } from '../VisuallyHidden';

/** An instant as people read it, with the exact time zone spelled out. */
export function exactTime(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return at.toLocaleString(undefined, {
    dateStyle: 'medium',
    timeStyle: 'long',
  });
}

/**
 * A relative time ("3h ago", "in 2d") that also carries the exact time: on hover (`title`), to
 * machines (`dateTime`) and as text for screen readers and copy-paste, never only in a tooltip.
 */
export const Timestamp = (props: {
  iso?: string;
  format?: (iso: string) => string;
}) => {
  const { iso } = props;
  if (!iso || Number.isNaN(Date.parse(iso))) return <>—</>;
  const exact = exactTime(iso);
  return (
    <time dateTime={iso} title={exact}>
      {(props.format ?? timeAgo)(iso)}
      <VisuallyHidden> ({exact})</VisuallyHidden>
    </time>
  );
};
