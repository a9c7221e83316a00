import { Show, useRecordContext, useTranslate } from 'react-admin';
import type { RecoveryCase } from './types';
import { CaseWorkspace } from './CaseWorkspace';

const CaseTitle = () => {
  const record = useRecordContext<RecoveryCase>();
  const translate = useTranslate();
  return <>{record ? translate('recovery.show.title', { ref: String(record.id).slice(0, 8) }) : ''}</>;
};

/**
 * One recovery case: the exact change it makes, the evidence it rests on, where it stands (approval, hold,
 * execution, report), the buttons the rules and the status allow, and — for supervisors — its audit entries and
 * the mails sent to the account.
 */
export const RecoveryCaseShow = () => (
  <Show title={<CaseTitle />} actions={false} component="div" emptyWhileLoading={false}>
    <CaseWorkspace />
  </Show>
);
