import { useState, type FormEvent } from 'react';
import { useTranslate } from 'react-admin';
import { casesApi } from './api';
import { apiErrorOf } from '../../providers/http';
import { parseDay } from './dayInput';
import { fieldsOf, type DecisionTarget, type Mode } from './decisionModes';
import type { AckFlag, DecisionInput, IdentityType } from './types';

export interface Values {
  identityType: IdentityType | '';
  holderName: string;
  /** As typed (DD/MM/YYYY); sent as ISO. */
  expiry: string;
  issuedOn: string;
  reasonCode: string;
  note: string;
}

/**
 * A decision form's state: the values as typed, the console's own checks (required, dates, confirmations), the
 * server's refusal and its field errors, and the submission. `firstInvalid` names the field to focus after a
 * refused submission.
 */
export function useDecisionForm(mode: Mode, { caseId, doc, onDecided }: DecisionTarget, onDone: () => void) {
  const translate = useTranslate();
  const fields = fieldsOf(mode, doc);
  const [values, setValues] = useState<Values>({
    identityType: doc.identityType ?? '',
    holderName: '',
    expiry: '',
    issuedOn: '',
    reasonCode: '',
    note: '',
  });
  const [acknowledged, setAcknowledged] = useState<AckFlag[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [firstInvalid, setFirstInvalid] = useState<{ field: string; seq: number } | null>(null);

  /** A field the user changes no longer carries the objection (the console's or the server's) to its old value. */
  const forget = (field: string) => {
    const without = (current: Record<string, string>) => {
      if (!(field in current)) return current;
      const { [field]: _gone, ...rest } = current;
      return rest;
    };
    setErrors(without);
    setServerErrors(without);
  };
  const set = <K extends keyof Values>(field: K, value: Values[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    forget(field);
  };
  const toggle = (flag: AckFlag, on: boolean) => {
    setAcknowledged((list) => (on ? [...list.filter((f) => f !== flag), flag] : list.filter((f) => f !== flag)));
    forget('acknowledgedFlags');
  };

  const check = () => {
    const found: Record<string, string> = {};
    const { identity, dated, reasons, flags } = fields;
    if (identity && !values.identityType) found.identityType = translate('cases.decision.identity_type_required');
    if (identity && values.holderName.trim().length < 2) found.holderName = translate('cases.decision.holder_required');
    if (identity && !values.expiry.trim()) found.expiry = translate('cases.decision.expiry_required');
    else if (identity && !parseDay(values.expiry)) found.expiry = translate('cases.day.invalid');
    if (dated && !values.issuedOn.trim()) found.issuedOn = translate('cases.decision.issued_on_required');
    else if (dated && !parseDay(values.issuedOn)) found.issuedOn = translate('cases.day.invalid');
    if (reasons.length && !values.reasonCode) found.reasonCode = translate('cases.decision.reason_required');
    if (values.reasonCode === 'other' && !values.note.trim()) found.note = translate('cases.decision.note_required');
    if (flags.some((flag) => !acknowledged.includes(flag))) found.acknowledgedFlags = translate('cases.confirm.required');
    return found;
  };

  const refuse = (found: Record<string, string>) => {
    const field = Object.keys(found)[0];
    if (field) setFirstInvalid((last) => ({ field, seq: (last?.seq ?? 0) + 1 }));
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (pending) return;
    const found = check();
    setErrors(found);
    if (Object.keys(found).length) return refuse(found);
    const { identity, dated, reasons, flags } = fields;
    const note = values.note.trim();
    const input: DecisionInput = {
      decision: mode === 'accept' ? 'accepted' : mode === 'reject' ? 'rejected' : 'reupload',
      ...(reasons.length ? { reasonCode: values.reasonCode as DecisionInput['reasonCode'] } : {}),
      ...(identity
        ? { identityType: values.identityType as IdentityType, holderName: values.holderName.trim(), expiry: parseDay(values.expiry)! }
        : {}),
      ...(dated ? { issuedOn: parseDay(values.issuedOn)! } : {}),
      ...(flags.length ? { acknowledgedFlags: acknowledged } : {}),
      ...(note ? { note } : {}),
    };
    setPending(true);
    setRefusal(null);
    setServerErrors({});
    try {
      const result = await casesApi.decide(caseId, doc.id, input);
      onDone();
      onDecided(result);
    } catch (error) {
      const problem = apiErrorOf(error);
      setRefusal(problem.message);
      setServerErrors(problem.errors);
      refuse(problem.errors);
    } finally {
      setPending(false);
    }
  };

  return { fields, values, set, acknowledged, toggle, shown: { ...errors, ...serverErrors }, pending, refusal, firstInvalid, submit };
}

export type DecisionFormState = ReturnType<typeof useDecisionForm>;
