import { MenuItem, TextField } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { CheckLine } from './CheckLine';
import { DayField } from './DayField';
import { parseDay } from './dayInput';
import { formatDay } from './formatDay';
import { IDENTITY_TYPES, type CaseDocument, type IdentityType } from './types';
import type { DecisionFormState } from './useDecisionForm';
import { useNameCheck } from './useNameCheck';

interface Props {
  caseId: string;
  accountType: string;
  doc: CaseDocument;
  form: DecisionFormState;
}

/**
 * Accepting an identity document: its type, the holder's name and the expiry as printed, each compared live by
 * the server with the account's name and today (the verdict accepting will give).
 */
export const IdentityFields = ({ caseId, accountType, doc, form }: Props) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { values, set, shown } = form;
  const check = useNameCheck(caseId, doc.id, values.holderName, parseDay(values.expiry));
  const verdict = check?.result;
  return (
    <>
      <TextField
        select
        autoFocus={!values.identityType}
        name="identityType"
        label={translate('cases.decision.identity_type')}
        value={values.identityType}
        onChange={(event) => set('identityType', event.target.value as IdentityType)}
        error={Boolean(shown.identityType)}
        helperText={
          shown.identityType ??
          (doc.identityType
            ? translate('cases.decision.identity_type_stated', {
                type: translate(`cases.identity_type.${doc.identityType}`, { _: doc.identityType }),
              })
            : translate('cases.decision.identity_type_help'))
        }
        required
        fullWidth
        sx={{ mb: 2 }}
      >
        {IDENTITY_TYPES.map((type) => (
          <MenuItem key={type} value={type}>
            {translate(`cases.identity_type.${type}`)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        name="holderName"
        autoFocus={Boolean(values.identityType)}
        label={translate('cases.decision.holder_name')}
        value={values.holderName}
        onChange={(event) => set('holderName', event.target.value)}
        error={Boolean(shown.holderName)}
        helperText={
          shown.holderName ??
          translate('cases.decision.holder_help', { holder: translate(`cases.holder.${accountType}`, { _: accountType }) })
        }
        required
        fullWidth
        autoComplete="off"
        slotProps={{ htmlInput: { maxLength: 200 } }}
        sx={{ mb: 2 }}
      />
      {check && (
        <CheckLine testId="name-check" ok={verdict ? verdict.nameMatches : null}>
          {verdict
            ? translate(verdict.nameMatches ? 'cases.check.name_matches' : 'cases.check.name_differs', { name: verdict.expectedName })
            : translate(check.failed ? 'cases.check.failed' : 'cases.check.checking')}
        </CheckLine>
      )}
      <DayField
        name="expiry"
        label={translate('cases.decision.expiry')}
        value={values.expiry}
        onChange={(value) => set('expiry', value)}
        error={shown.expiry}
        help={translate('cases.decision.expiry_help')}
      />
      {verdict && verdict.expired !== null && (
        <CheckLine testId="expiry-check" ok={!verdict.expired}>
          {translate(verdict.expired ? 'cases.check.expired' : 'cases.check.valid', { today: formatDay(verdict.today, locale) })}
        </CheckLine>
      )}
    </>
  );
};
