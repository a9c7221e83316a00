import { useState } from 'react';
import { Alert, Box, Button, CircularProgress, Link, Typography } from '@mui/material';
import VerifiedIcon from '@mui/icons-material/VerifiedUserOutlined';
import { LinkBase, useCanAccess, useCreatePath, useDataProvider, useLocaleState, useTranslate } from 'react-admin';
import type { AppDataProvider, AuditChainCheck } from '../../providers/dataProvider';
import { formatDateTime } from '../../fields/UtcDateField';
import { Note } from '../../common/Note';

type State =
  { status: 'idle' } | { status: 'running' } | { status: 'done'; result: AuditChainCheck } | { status: 'failed'; message: string };

/**
 * Asks the server to recompute the audit trail's hash chain and says whether it is intact.
 * Shown only to those whose rules allow `verify` on `AuditEvent`.
 */
export const VerifyChainPanel = () => {
  const { canAccess } = useCanAccess({ action: 'verify', resource: 'audit-events' });
  return canAccess ? <VerifyChain /> : null;
};

const VerifyChain = () => {
  const dataProvider = useDataProvider<AppDataProvider>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const createPath = useCreatePath();
  const [state, setState] = useState<State>({ status: 'idle' });

  const verify = async () => {
    setState({ status: 'running' });
    try {
      setState({ status: 'done', result: await dataProvider.verifyAuditChain() });
    } catch (error) {
      setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <Box component="section" aria-labelledby="audit-verify-title" sx={{ px: 2, py: 1.5, borderBottom: 1, borderColor: 'divider' }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Box sx={{ flex: 1, minWidth: 240 }}>
          <Typography id="audit-verify-title" variant="subtitle1" component="h2">
            {translate('rd.audit.verify.title')}
          </Typography>
          <Note>{translate('rd.audit.verify.description')}</Note>
        </Box>
        <Button
          variant="outlined"
          onClick={verify}
          disabled={state.status === 'running'}
          startIcon={state.status === 'running' ? <CircularProgress size={16} /> : <VerifiedIcon />}
        >
          {translate('rd.audit.verify.button')}
        </Button>
      </Box>
      <Box role="status" aria-live="polite">
        {state.status === 'done' && <ChainResult result={state.result} locale={locale} createPath={createPath} />}
        {state.status === 'failed' && (
          <Alert severity="error" sx={{ mt: 1.5 }}>
            {translate('rd.audit.verify.failed', { message: state.message })}
          </Alert>
        )}
      </Box>
    </Box>
  );
};

const ChainResult = ({
  result,
  locale,
  createPath,
}: {
  result: AuditChainCheck;
  locale: string;
  createPath: ReturnType<typeof useCreatePath>;
}) => {
  const translate = useTranslate();
  const checkpoint = result.lastCheckpoint;
  return (
    <Alert severity={result.ok ? 'success' : 'error'} sx={{ mt: 1.5 }}>
      {result.ok ? (
        translate('rd.audit.verify.intact', { smart_count: result.checked })
      ) : (
        <>
          {translate('rd.audit.verify.broken', { id: result.firstBrokenId ?? '?' })}
          {' — '}
          {translate('rd.audit.verify.checked', { smart_count: result.checked })}
          {result.firstBrokenId && (
            <>
              {' — '}
              <Link component={LinkBase} to={createPath({ resource: 'audit-events', type: 'show', id: result.firstBrokenId })}>
                {translate('rd.audit.verify.open_entry')}
              </Link>
            </>
          )}
        </>
      )}
      {checkpoint && (
        <Typography variant="body2" color="text.secondary">
          {translate('rd.audit.verify.checkpoint', {
            at: formatDateTime(checkpoint.at, locale),
            status: translate(checkpoint.ok ? 'rd.audit.verify.checkpoint_ok' : 'rd.audit.verify.checkpoint_broken'),
          })}
          {checkpoint.lastEventId && <> — {translate('sup.audit.checkpoint_event', { id: checkpoint.lastEventId })}</>}
        </Typography>
      )}
    </Alert>
  );
};
