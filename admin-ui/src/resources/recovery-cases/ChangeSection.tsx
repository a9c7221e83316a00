import { Box, Link, Typography } from '@mui/material';
import { LinkBase, useCreatePath, useTranslate } from 'react-admin';
import { monospace } from '../../theme';
import { Item } from '../accounts/fields';
import { useCanAccessKind } from './access';
import { AccountCustomerId } from './fields';
import type { RecoveryCase } from './types';
import { Panel } from '../../common/Panel';
import { Code, Dash, Grid } from './caseParts';
import { TwoFactorEffect } from './TwoFactorEffect';

/** What the action does to the account, exactly: the approval hash binds this. */
export const ChangeSection = ({ record }: { record: RecoveryCase }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const identityCases = useCanAccessKind('show', 'identity-cases');
  return (
    <Panel id="recovery-change-title" title={translate('recovery.show.change')}>
      <Typography variant="body2" sx={{ mb: 1.5 }} data-testid="recovery-effect">
        {record.action === 'disable_2fa' ? (
          <TwoFactorEffect record={record} />
        ) : (
          translate(`recovery.show.effect.${record.action}`, { value: record.newValue ?? '—', _: record.action })
        )}
      </Typography>
      <Grid>
        <Item label={translate('recovery.fields.action')}>{translate(`recovery.action.${record.action}`, { _: record.action })}</Item>
        <Item label={translate('recovery.fields.customerId')}>
          <AccountCustomerId accountId={record.accountId} />
        </Item>
        <Item label={translate('recovery.fields.newValue')}>{record.newValue ? <Code>{record.newValue}</Code> : <Dash />}</Item>
        <Item label={translate('recovery.fields.id')}>
          <Code>{record.id}</Code>
        </Item>
      </Grid>
      <Typography variant="subtitle2" component="h3" sx={{ mt: 2, mb: 1 }}>
        {translate('recovery.show.evidence')}
      </Typography>
      <Grid>
        <Item label={translate('recovery.fields.verificationId')}>
          {record.verificationId ? <Code>{record.verificationId}</Code> : <Dash />}
        </Item>
        <Item label={translate('recovery.fields.identityCaseId')}>
          {record.identityCaseId ? (
            identityCases.canAccess ? (
              <Link
                component={LinkBase}
                to={createPath({ resource: 'identity-cases', type: 'show', id: record.identityCaseId })}
                sx={{ fontFamily: monospace, overflowWrap: 'anywhere' }}
                title={translate('recovery.show.open_documents')}
              >
                {record.identityCaseId}
              </Link>
            ) : (
              <Code>{record.identityCaseId}</Code>
            )
          ) : (
            <Dash />
          )}
        </Item>
      </Grid>
      <Box sx={{ mt: 1.5 }}>
        <Item label={translate('recovery.fields.approvalHash')}>
          {record.approvalHash ? (
            <Typography
              component="code"
              variant="body2"
              sx={{ fontFamily: monospace, overflowWrap: 'anywhere', fontSize: '0.8rem' }}
              data-testid="approval-hash"
            >
              {record.approvalHash}
            </Typography>
          ) : (
            <Dash />
          )}
        </Item>
      </Box>
    </Panel>
  );
};
