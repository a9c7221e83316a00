import { useCallback, useEffect, useState } from 'react';
import { Alert as MuiAlert, Box, Button, CircularProgress, Typography } from '@mui/material';
import RefreshIcon from '@mui/icons-material/Refresh';
import { Title, useTranslate } from 'react-admin';
import { apiErrorOf } from '../../providers/http';
import { supervisionApi, type AlertRecord } from '../../supervision/api';
import { AlertSection } from './AlertSection';
import { AcknowledgeDialog } from './AcknowledgeDialog';

type Lists = { open: AlertRecord[]; acknowledged: AlertRecord[] };

/**
 * The abuse alerts: open ones first, each with what raised it and an Acknowledge button (a comment is
 * required); the acknowledged ones below, with who/when/what was found.
 */
export const AlertList = () => {
  const translate = useTranslate();
  const [lists, setLists] = useState<Lists | null>(null);
  const [error, setError] = useState<string | null>(null);
  // True from the start: the mount effect fetches at once.
  const [loading, setLoading] = useState(true);
  const [acknowledging, setAcknowledging] = useState<AlertRecord | null>(null);

  // State is set in the promise's callbacks only, so the mount effect may call it; `load` marks the reload first.
  const fetchLists = useCallback(
    () =>
      Promise.all([supervisionApi.alerts('open'), supervisionApi.alerts('acknowledged', 50)])
        .then(
          ([open, acknowledged]) => {
            setLists({ open, acknowledged });
            setError(null);
          },
          (e: unknown) => setError(apiErrorOf(e).message),
        )
        .finally(() => setLoading(false)),
    [],
  );
  const load = () => {
    setLoading(true);
    return fetchLists();
  };

  useEffect(() => {
    void fetchLists();
  }, [fetchLists]);

  return (
    <Box sx={{ mt: 2, display: 'grid', gap: 2 }}>
      <Title title={translate('sup.alerts.title')} />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1" sx={{ flex: 1 }}>
          {translate('sup.alerts.title')}
        </Typography>
        <Button startIcon={loading ? <CircularProgress size={16} /> : <RefreshIcon />} onClick={load} disabled={loading}>
          {translate('sup.alerts.refresh')}
        </Button>
      </Box>
      {error && <MuiAlert severity="error">{translate('sup.alerts.failed', { message: error })}</MuiAlert>}
      {lists && (
        <>
          <AlertSection
            id="alerts-open"
            title={translate('sup.alerts.open_count', { smart_count: lists.open.length })}
            empty={translate('sup.alerts.none_open')}
            alerts={lists.open}
            onAcknowledge={setAcknowledging}
          />
          <AlertSection
            id="alerts-acknowledged"
            title={translate('sup.alerts.acknowledged')}
            empty={translate('sup.alerts.none_acknowledged')}
            alerts={lists.acknowledged}
          />
        </>
      )}
      {!lists && !error && <CircularProgress sx={{ justifySelf: 'center' }} />}
      {acknowledging && (
        <AcknowledgeDialog
          alert={acknowledging}
          onClose={() => setAcknowledging(null)}
          onDone={() => {
            setAcknowledging(null);
            void load();
          }}
        />
      )}
    </Box>
  );
};
