import { Show, useRecordContext } from 'react-admin';
import { AuditEventDetail } from './AuditEventDetail';
import type { AuditEvent } from './types';

const Detail = () => {
  const entry = useRecordContext<AuditEvent>();
  return entry ? <AuditEventDetail entry={entry} /> : null;
};

/** One entry on a page of its own, for links from alerts and case timelines: the same detail as the drawer. */
export const AuditEventShow = () => (
  <Show>
    <Detail />
  </Show>
);
