import { useState, type FormEvent } from 'react';
import { DialogContentText, List, ListItem } from '@mui/material';
import { useNotify, useTranslate } from 'react-admin';
import { apiErrorOf } from '../../providers/http';
import { type AlertRecord } from '../../supervision/api';
import { FormDialog } from '../../common/FormDialog';
import { AckCommentField, useAckComment } from './AckCommentField';
import { ruleLabel, subjectText } from './alertLabels';
import { alertsApi, type BulkOutcome } from './api';

interface Props {
  alerts: AlertRecord[];
  onClose: () => void;
  onDone: () => void;
}

/** Several alerts, one comment: each is acknowledged and audited on its own; the skipped ones are listed with why. */
export const BulkAcknowledgeDialog = ({ alerts, onClose, onDone }: Props) => {
  const translate = useTranslate();
  const notify = useNotify();
  const note = useAckComment();
  const { comment, setTouched, invalid, setError } = note;
  const [busy, setBusy] = useState(false);
  const [skipped, setSkipped] = useState<BulkOutcome[] | null>(null);
  const describe = (id: string) => {
    const alert = alerts.find((a) => a.id === id);
    return alert ? [ruleLabel(translate, alert.rule), subjectText(translate, alert.subject)].filter(Boolean).join(' — ') : '—';
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (skipped) return onDone();
    setTouched(true);
    if (invalid) return;
    setBusy(true);
    setError(null);
    try {
      const results = await alertsApi.acknowledgeMany(
        alerts.map((a) => a.id),
        comment.trim(),
      );
      const acknowledged = results.filter((r) => r.outcome === 'acknowledged').length;
      notify('sup.alerts.bulk_done', { type: 'success', messageArgs: { smart_count: acknowledged } });
      const left = results.filter((r) => r.outcome === 'skipped');
      if (left.length === 0) return onDone();
      setSkipped(left);
    } catch (e) {
      const { message, errors } = apiErrorOf(e);
      setError(errors.comment ?? message);
    }
    setBusy(false);
  };

  return (
    <FormDialog
      id="bulk-ack-title"
      title={translate('sup.alerts.bulk_title', { smart_count: alerts.length })}
      pending={busy}
      onClose={skipped ? onDone : onClose}
      onSubmit={submit}
      submitLabel={translate(skipped ? 'sup.alerts.close' : 'sup.alerts.acknowledge')}
      cancelLabel={skipped ? undefined : translate('sup.alerts.cancel')}
      contentSx={{ display: 'grid', gap: 2 }}
    >
      {skipped ? (
        <>
          <DialogContentText>{translate('sup.alerts.bulk_skipped', { smart_count: skipped.length })}</DialogContentText>
          <List dense aria-label={translate('sup.alerts.bulk_skipped_list')}>
            {skipped.map((r) => (
              <ListItem key={r.id}>
                {translate('sup.alerts.skipped_line', {
                  alert: describe(r.id),
                  reason: translate(`errors.${r.reason}`, { _: translate('sup.alerts.skipped') }),
                })}
              </ListItem>
            ))}
          </List>
        </>
      ) : (
        <>
          <List dense aria-label={translate('sup.alerts.bulk_list')}>
            {alerts.map((a) => (
              <ListItem key={a.id}>{describe(a.id)}</ListItem>
            ))}
          </List>
          <DialogContentText variant="body2">{translate('sup.alerts.bulk_explain')}</DialogContentText>
          <AckCommentField state={note} />
        </>
      )}
    </FormDialog>
  );
};
