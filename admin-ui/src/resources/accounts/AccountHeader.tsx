import { Alert, Box, Card, CardContent, Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { formatDateTime } from '../../fields/UtcDateField';
import { monospace } from '../../theme';
import { AccountLock } from './AccountLock';
import { StoryLink } from '../case-story/StoryLink';
import { AccountChips, Item } from './fields';
import type { AccountDetail } from './types';

/**
 * Who the account is, its state at a glance, and what the desk can and cannot do for it. Names and the customer
 * ID are not secret to the agent; they are not to be read out to an unverified caller either.
 */
export const AccountHeader = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const account = useRecordContext<AccountDetail>();
  if (!account) return null;
  const field = (name: string) => translate(`resources.accounts.fields.${name}`);

  return (
    <Card component="section" aria-labelledby="account-title">
      <CardContent>
        <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 2, flexWrap: 'wrap' }}>
          <Typography id="account-title" variant="h5" component="h1">
            {account.companyName ?? account.name}
          </Typography>
          <Typography variant="h6" component="span" sx={{ fontFamily: monospace }} data-testid="customer-id">
            {account.customerId}
          </Typography>
          <AccountChips withTwoFactor />
          <StoryLink storyRef={account.customerId} />
        </Box>
        <Box
          sx={{
            mt: 2,
            display: 'grid',
            gap: 1.5,
            gridTemplateColumns: { xs: '1fr 1fr', md: 'repeat(4, minmax(0, 1fr))' },
          }}
        >
          <Item label={field('accountType')}>
            <Typography variant="body2">{translate(`rd.accounts.type.${account.accountType}`, { _: account.accountType })}</Typography>
          </Item>
          {account.companyName && (
            <Item label={field('name')}>
              <Typography variant="body2">{account.name}</Typography>
            </Item>
          )}
          {account.legalRepresentative && (
            <Item label={field('legalRepresentative')}>
              <Typography variant="body2">{account.legalRepresentative}</Typography>
            </Item>
          )}
          <Item label={field('language')}>
            <Typography variant="body2">{translate(`rd.accounts.language.${account.language}`, { _: account.language })}</Typography>
          </Item>
          <Item label={field('createdAt')}>
            <Typography variant="body2">{formatDateTime(account.createdAt, locale)}</Typography>
          </Item>
        </Box>
        <AccountLock />
        {!account.hasBackupEmail && (
          <Alert severity="warning" sx={{ mt: 2 }} data-testid="no-backup-notice">
            {translate('rd.accounts.notices.no_backup_email')}
          </Alert>
        )}
        {account.backupEmailRequired && (
          <Alert severity="info" sx={{ mt: 2 }}>
            {translate('rd.accounts.notices.backup_email_required')}
          </Alert>
        )}
      </CardContent>
    </Card>
  );
};
