import { Alert, Box, Card, CardContent, Link, Typography } from '@mui/material';
import { LinkBase, useCanAccess, useCreatePath, useTranslate } from 'react-admin';
import { monospace } from '../../theme';
import { type CaseDetail } from './types';

export const AccountCard = ({ record }: { record: CaseDetail }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const readAccounts = useCanAccess({ action: 'show', resource: 'accounts' });
  const account = record.account;
  return (
    <Card component="section" aria-labelledby="case-account-title">
      <CardContent>
        <Typography id="case-account-title" variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1 }}>
          {translate('cases.show.account')}
        </Typography>
        {account ? (
          <>
            <Typography variant="body1" data-testid="case-account-name">
              {account.companyName ? `${account.companyName} — ${account.name}` : account.name}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              <Box component="span" sx={{ fontFamily: monospace }}>
                {account.customerId}
              </Box>
              {' · '}
              {translate(`cases.account_type.${account.accountType}`, { _: String(account.accountType) })}
              {' · '}
              {[account.city, account.country].filter(Boolean).join(', ')}
            </Typography>
            <Typography variant="body2" sx={{ mt: 1 }}>
              {translate('cases.show.holder', { holder: translate(`cases.holder.${record.accountType}`, { _: record.identityHolder }) })}
            </Typography>
            {readAccounts.canAccess && (
              <Link component={LinkBase} to={createPath({ resource: 'accounts', type: 'show', id: account.id })} variant="body2">
                {translate('cases.show.open_account')}
              </Link>
            )}
          </>
        ) : (
          <Alert severity="warning">{translate('cases.show.no_account')}</Alert>
        )}
      </CardContent>
    </Card>
  );
};
