import { Divider, Typography } from '@mui/material';
import { useGetList, useRecordContext, useTranslate } from 'react-admin';
import type { AccountDetail } from '../accounts/types';
import type { CaseSummary } from '../identity-cases/types';
import { useCanAccessKind } from './access';
import { Panel } from '../../common/Panel';
import { SwapAction } from './SwapAction';
import { TwoFactorLostAction } from './TwoFactorLostAction';
import { DocumentsAction } from './DocumentsAction';

/**
 * The recovery actions of the call workspace, for those whose rules allow `create` on `RecoveryCase` (phone
 * agents): the backup→primary swap done on the call, and the documents-based actions opened for approval. Each
 * button is enabled only when what it needs is there, and says what is missing otherwise; the server checks all
 * of it again.
 */
export const AccountRecoveryPanel = () => {
  const { canAccess, isPending } = useCanAccessKind('create', 'recovery-cases');
  const account = useRecordContext<AccountDetail>();
  if (isPending || !canAccess || !account) return null;
  return <RecoveryActions account={account} />;
};

const RecoveryActions = ({ account }: { account: AccountDetail }) => {
  const translate = useTranslate();
  const accountId = String(account.id);
  // The evidence documents-based actions rest on; the list follows react-admin's refresh.
  const verified = useGetList<CaseSummary>('identity-cases', {
    filter: { status: 'verified', accountId },
    pagination: { page: 1, perPage: 100 },
  });
  const identityCases = verified.data ?? [];

  return (
    <Panel id="recovery-actions-title" title={translate('recovery.workspace.title')} data-testid="recovery-actions">
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('recovery.workspace.intro')}
      </Typography>
      <SwapAction account={account} />
      <Divider sx={{ my: 2 }} />
      <TwoFactorLostAction account={account} />
      <Divider sx={{ my: 2 }} />
      <Typography variant="subtitle2" component="h3" gutterBottom>
        {translate('recovery.workspace.by_hand.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
        {translate('recovery.workspace.by_hand.intro')}
      </Typography>
      <DocumentsAction account={account} action="replace_contact_email" identityCases={identityCases} />
      <Divider sx={{ my: 2 }} />
      <DocumentsAction account={account} action="disable_2fa" identityCases={identityCases} />
    </Panel>
  );
};
