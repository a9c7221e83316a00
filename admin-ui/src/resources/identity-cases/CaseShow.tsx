import { Show, useRecordContext, useTranslate } from 'react-admin';
import { FINAL_STATES, type CaseDetail } from './types';
import { CaseWorkspace } from './CaseWorkspace';

const POLL_MS = 3000;

const stillProcessing = (record: CaseDetail | undefined) => Boolean(record?.documents?.some((doc) => !FINAL_STATES.includes(doc.state)));

const CaseTitle = () => {
  const record = useRecordContext<CaseDetail>();
  const translate = useTranslate();
  return <>{record ? translate('cases.title', { customerId: record.customerId }) : ''}</>;
};

export const CaseShow = () => (
  <Show
    title={<CaseTitle />}
    actions={false}
    component="div"
    emptyWhileLoading={false}
    queryOptions={{ refetchInterval: (query) => (stillProcessing(query.state.data as CaseDetail | undefined) ? POLL_MS : false) }}
  >
    <CaseWorkspace />
  </Show>
);
