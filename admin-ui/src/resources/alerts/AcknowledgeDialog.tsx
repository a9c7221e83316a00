import { useState, type FormEvent } from 'react';
import { DialogContentText } from '@mui/material';
import { useCanAccess, useNotify, useTranslate } from 'react-admin';
import { apiErrorOf } from '../../providers/http';
import { supervisionApi, type AlertRecord } from '../../supervision/api';
import { FormDialog } from '../../common/FormDialog';
import { AckCommentField, useAckComment } from './AckCommentField';
import { ruleLabel, alertSummary } from './alertLabels';

export const AcknowledgeDialog = ({ alert, onClose, onDone }: { alert: AlertRecord; onClose: () => void; onDone: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const { canAccess } = useCanAccess({ action: 'edit', resource: 'alerts' });
  const note = useAckComment();
  const { comment, setTouched, invalid, setError } = note;
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (invalid) return;
    setBusy(true);
    setError(null);
    try {
      await supervisionApi.acknowledge(alert.id, comment.trim());
      notify('sup.alerts.ack_done', { type: 'success' });
      onDone();
    } catch (e) {
      const { status, message, errors } = apiErrorOf(e);
      if (status === 409) {
        notify('sup.alerts.ack_conflict', { type: 'warning' });
        onDone();
        return;
      }
      setError(errors.comment ?? message);
      setBusy(false);
    }
  };

  return (
    <FormDialog
      id="ack-title"
      title={translate('sup.alerts.ack_title', { rule: ruleLabel(translate, alert.rule) })}
      pending={busy}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={translate('sup.alerts.acknowledge')}
      submitDisabled={canAccess === false}
      cancelLabel={translate('sup.alerts.cancel')}
      contentSx={{ display: 'grid', gap: 2 }}
    >
      <DialogContentText>{alertSummary(translate, alert)}</DialogContentText>
      <DialogContentText variant="body2">{translate('sup.alerts.ack_explain')}</DialogContentText>
      <AckCommentField state={note} />
    </FormDialog>
  );
};
