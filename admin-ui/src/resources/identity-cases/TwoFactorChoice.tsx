import { useState } from 'react';
import { Alert, Button, Checkbox, FormControlLabel, FormGroup, Typography } from '@mui/material';
import SaveIcon from '@mui/icons-material/Save';
import { useNotify, useTranslate } from 'react-admin';
import { casesApi } from './api';
import { useAction } from '../../common/useAction';
import type { CaseDetail } from './types';
import { Panel } from '../../common/Panel';

/**
 * A 2FA disablement: which of the account's registered methods go (the stolen phone's app, not the security key).
 * The agent ticked them when opening the case; the reviewer who claimed it may change them (a case from the
 * customer's form has no choice: all methods). The recovery case opened at verification carries the choice.
 */
export const TwoFactorChoice = ({ record, editable, onChange }: { record: CaseDetail; editable: boolean; onChange: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const methods = record.twoFactorMethods ?? [];
  const saved = record.twoFactorMethodIds ?? methods.map((m) => m.id);
  const [chosen, setChosen] = useState<string[]>(saved);
  const { pending, refusal, run } = useAction();
  const savedKey = saved.join(',');
  // Follows the saved value by adjusting state during render (React's pattern), not in an effect.
  const [shownKey, setShownKey] = useState(savedKey);
  if (shownKey !== savedKey) {
    setShownKey(savedKey);
    setChosen(savedKey ? savedKey.split(',') : []);
  }
  if (record.purpose !== 'disable_2fa' || methods.length === 0) return null;
  const changed = [...chosen].sort().join(',') !== [...saved].sort().join(',');

  const save = () =>
    run(async () => {
      await casesApi.chooseTwoFactorMethods(record.id, chosen);
      notify('cases.two_factor.saved', { type: 'success' });
      onChange();
    });

  return (
    <Panel id="case-two-factor-title" title={translate('cases.two_factor.title')} data-testid="case-two-factor">
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate(record.twoFactorMethodIds ? 'cases.two_factor.chosen' : 'cases.two_factor.all')}
      </Typography>
      {refusal && (
        <Alert severity="error" role="alert" sx={{ mb: 1 }}>
          {refusal}
        </Alert>
      )}
      <FormGroup aria-labelledby="case-two-factor-title">
        {methods.map((method) => (
          <FormControlLabel
            key={method.id}
            control={
              <Checkbox
                checked={chosen.includes(method.id)}
                disabled={!editable || pending}
                onChange={(event) =>
                  setChosen((current) => (event.target.checked ? [...current, method.id] : current.filter((id) => id !== method.id)))
                }
              />
            }
            label={`${translate(`rd.accounts.two_factor.kind.${method.kind}`, { _: method.kind })} — ${method.label}`}
          />
        ))}
      </FormGroup>
      {editable && (
        <Button
          variant="outlined"
          startIcon={<SaveIcon />}
          onClick={save}
          disabled={!changed || chosen.length === 0 || pending}
          sx={{ mt: 1 }}
        >
          {translate('cases.two_factor.save')}
        </Button>
      )}
    </Panel>
  );
};
