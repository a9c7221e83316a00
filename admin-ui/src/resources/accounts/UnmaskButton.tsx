import { useState, type FormEvent } from 'react';
import { Button, Tooltip } from '@mui/material';
import VisibilityIcon from '@mui/icons-material/Visibility';
import { useCanAccess, useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../../providers/dataProvider';
import { apiErrorOf } from '../../providers/http';
import { useCall } from './CallContext';
import { FormDialog } from '../../common/FormDialog';
import { TextInput } from '../../common/TextInput';

const MIN_REASON = 3;
const MAX_REASON = 500;

/**
 * Shows the full contact data, for those whose rules allow `unmask` on `Account`, once the caller passed a code
 * check on this call. The reason is required; the server records the access in the audit trail.
 */
export const UnmaskButton = () => {
  const { canAccess, isPending } = useCanAccess({ action: 'unmask', resource: 'accounts' });
  if (isPending || !canAccess) return null;
  return <Unmask />;
};

const Unmask = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<AppDataProvider>();
  const call = useCall();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const verification = call.verification;
  const proven = verification && !call.expired ? verification.possessionProven : [];
  const allowed = proven.length > 0;

  if (call.unmasked) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!verification) return;
    if (reason.trim().length < MIN_REASON) {
      setErrors({ reason: translate('rd.accounts.unmask.reason_required') });
      return;
    }
    setPending(true);
    setErrors({});
    setRefusal(null);
    try {
      call.setUnmasked(await dataProvider.unmaskAccount(call.accountId, verification.id, reason.trim()));
      notify('rd.accounts.unmask.done', { type: 'success' });
      setOpen(false);
      setReason('');
    } catch (error) {
      const problem = apiErrorOf(error);
      setErrors(problem.errors);
      setRefusal(problem.message);
      notify(problem.message, { type: 'error' });
    } finally {
      setPending(false);
    }
  };

  const button = (
    <Button
      variant="contained"
      color="warning"
      size="small"
      startIcon={<VisibilityIcon />}
      disabled={!allowed}
      onClick={() => setOpen(true)}
    >
      {translate('rd.accounts.unmask.button')}
    </Button>
  );

  return (
    <>
      {allowed ? (
        button
      ) : (
        <Tooltip title={translate('rd.accounts.unmask.disabled_reason')}>
          <span>{button}</span>
        </Tooltip>
      )}
      <FormDialog
        open={open}
        id="unmask-title"
        title={translate('rd.accounts.unmask.title')}
        refusal={refusal}
        pending={pending}
        onClose={() => setOpen(false)}
        onSubmit={submit}
        submitLabel={translate('rd.accounts.unmask.confirm')}
        submitIcon={<VisibilityIcon />}
        color="warning"
        intro={translate('rd.accounts.unmask.explain', {
          channels: proven.map((c) => translate(`rd.accounts.verification.subject.${c}`)).join(', '),
        })}
      >
        <TextInput
          autoFocus
          name="reason"
          value={reason}
          onValueChange={setReason}
          label={translate('rd.accounts.unmask.reason')}
          help={translate('rd.accounts.unmask.reason_help')}
          error={errors.reason}
          required
          multiline
          minRows={2}
          slotProps={{ htmlInput: { maxLength: MAX_REASON } }}
        />
      </FormDialog>
    </>
  );
};
