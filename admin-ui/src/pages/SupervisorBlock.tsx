import { Alert, Box, Link as MuiLink } from '@mui/material';
import { Link } from 'react-router-dom';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime } from '../fields/UtcDateField';
import type { SupervisorHome } from './homeApi';
import { HomeBlock, Count, Counts, listFilter } from './homeParts';
import { Note } from '../common/Note';

export const SupervisorBlock = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <HomeBlock<SupervisorHome> role="supervisor">
      {(data) => (
        <>
          <Counts>
            <Count
              value={data.pendingApprovals}
              label={translate('calls.home.supervisor.approvals')}
              to={`/recovery-cases${listFilter({ status: 'pending_approval' })}`}
              tone="warning"
            />
            <Count value={data.openAlerts} label={translate('calls.home.supervisor.alerts')} to="/alerts" tone="error" />
            <Count
              value={data.failedMails}
              label={translate('calls.home.supervisor.failed_mails')}
              to={`/mail-outbox${listFilter({ status: 'failed' })}`}
              tone="error"
            />
          </Counts>
          {data.oldestApprovalAt && (
            <Note>{translate('calls.home.supervisor.oldest_approval', { date: formatDateTime(data.oldestApprovalAt, locale) })}</Note>
          )}
          <Box sx={{ mt: 1 }} data-chain={data.chain ? (data.chain.ok ? 'ok' : 'broken') : 'unchecked'}>
            {!data.chain ? (
              <Alert severity="info">{translate('calls.home.supervisor.chain_unchecked')}</Alert>
            ) : data.chain.ok ? (
              <Alert severity="success">
                {translate(data.chain.fullPass ? 'calls.home.supervisor.chain_ok_full' : 'calls.home.supervisor.chain_ok', {
                  date: formatDateTime(data.chain.checkedAt, locale),
                })}
              </Alert>
            ) : (
              <Alert severity="error">
                {translate('calls.home.supervisor.chain_broken', { date: formatDateTime(data.chain.checkedAt, locale) })}{' '}
                <MuiLink component={Link} to="/audit-events">
                  {translate('calls.home.supervisor.chain_open')}
                </MuiLink>
              </Alert>
            )}
          </Box>
        </>
      )}
    </HomeBlock>
  );
};
