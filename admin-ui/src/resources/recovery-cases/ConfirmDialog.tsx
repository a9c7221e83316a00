import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { apiErrorOf } from '../../providers/http';
import { FormDialog } from '../../common/FormDialog';
import { TextInput } from '../../common/TextInput';

const MIN = 3;

export interface ConfirmValues {
  reason: string;
  callReference: string;
}

interface Props {
  open: boolean;
  onClose(): void;
  /** An id for the title (the dialog is labelled by it). */
  id: string;
  title: string;
  text: ReactNode;
  confirmLabel: string;
  confirmIcon?: ReactNode;
  color?: 'primary' | 'warning' | 'error' | 'success';
  /** Ask for a reason (3 to 500 characters). */
  withReason?: boolean;
  /** Under the reason: who will read it (default: the audit trail). */
  reasonHelp?: string;
  /** Ask for the call reference, starting with this value (undefined: no such field). */
  callReference?: string;
  /** Shown between the text and the fields (a choice to make, say). */
  children?: ReactNode;
  /** The confirm button stays disabled while this is true (a choice not made yet). */
  incomplete?: boolean;
  /** Throws to keep the dialog open: the server's message is shown in it, its field errors on the fields. */
  onConfirm(values: ConfirmValues): Promise<void>;
}

/** A confirmation with, where the action needs them, a reason and a call reference; refusals stay in the dialog. */
export const ConfirmDialog = ({
  open,
  onClose,
  id,
  title,
  text,
  confirmLabel,
  confirmIcon,
  color = 'primary',
  withReason = false,
  reasonHelp,
  callReference,
  children,
  incomplete = false,
  onConfirm,
}: Props) => {
  const translate = useTranslate();
  const [reason, setReason] = useState('');
  const [reference, setReference] = useState(callReference ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  // Each opening starts afresh, with the call's reference as it is now (state adjusted during render).
  const [wasOpen, setWasOpen] = useState(open);
  if (wasOpen !== open) {
    setWasOpen(open);
    if (open) {
      setReason('');
      setReference(callReference ?? '');
      setErrors({});
      setRefusal(null);
    }
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (callReference !== undefined && reference.trim().length < MIN)
      found.callReference = translate('recovery.workspace.call_ref_required');
    if (withReason && reason.trim().length < MIN) found.reason = translate('recovery.dialog.reason_required');
    setErrors(found);
    setRefusal(null);
    if (Object.keys(found).length) return;
    setPending(true);
    try {
      await onConfirm({ reason: reason.trim(), callReference: reference.trim() });
    } catch (error) {
      const problem = apiErrorOf(error);
      setErrors(problem.errors);
      setRefusal(problem.message);
    } finally {
      setPending(false);
    }
  };

  return (
    <FormDialog
      open={open}
      id={id}
      title={title}
      intro={text}
      refusal={refusal}
      pending={pending}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={confirmLabel}
      submitIcon={confirmIcon}
      color={color}
      submitDisabled={incomplete}
    >
      {children}
      {callReference !== undefined && (
        <TextInput
          name="recoveryCallReference"
          label={translate('recovery.workspace.call_ref')}
          value={reference}
          onValueChange={setReference}
          error={errors.callReference}
          help={translate('recovery.workspace.call_ref_help')}
          required
          maxLength={100}
          sx={{ mb: 2 }}
        />
      )}
      {withReason && (
        <TextInput
          autoFocus
          name="recoveryReason"
          label={translate('recovery.dialog.reason')}
          value={reason}
          onValueChange={setReason}
          error={errors.reason}
          help={reasonHelp ?? translate('recovery.dialog.reason_help')}
          required
          multiline
          minRows={2}
          maxLength={500}
        />
      )}
    </FormDialog>
  );
};
