import type { PromotionEvent } from '@stageline/plugin-environments-common';
import { safeHref } from '../../util/safeHref';
import { type DataColumn, DataTable } from '../DataTable';
import { ExternalLink } from '../ExternalLink';
import { Timestamp } from '../Timestamp';

/** A promotion's audit trail, oldest first: when, who, what, its result and message. */
export const PromotionEvents = (props: {
  events: PromotionEvent[];
  nameOf: (ref: string) => string;
}) => {
  const columns: DataColumn<PromotionEvent>[] = [
    { title: 'When', render: e => <Timestamp iso={e.at} /> },
    { title: 'Who', render: e => props.nameOf(e.actor) },
    { title: 'What', render: e => e.action },
    { title: 'Result', render: e => e.result },
    { title: 'Message', render: e => e.message ?? '—' },
    {
      title: 'Link',
      // Only web pages: a local repository's path is no link.
      render: e => {
        if (!e.link) return '—';
        return safeHref(e.link) ? (
          <ExternalLink href={e.link}>open</ExternalLink>
        ) : (
          e.link
        );
      },
    },
  ];
  return (
    <DataTable
      label="Audit events"
      columns={columns}
      rows={props.events}
      rowKey={e => `${e.at}\n${e.action}\n${e.actor}`}
    />
  );
};
