import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert as MuiAlert, Box, Button, CircularProgress, Typography } from '@mui/material';
import RefreshIcon from '@mui/icons-material/Refresh';
import DoneAllIcon from '@mui/icons-material/DoneAll';
import { Title, useTranslate } from 'react-admin';
import { useSearchParams } from 'react-router-dom';
import { apiErrorOf } from '../../providers/http';
import { type AlertRecord } from '../../supervision/api';
import { AlertSection } from './AlertSection';
import { AcknowledgeDialog } from './AcknowledgeDialog';
import { BulkAcknowledgeDialog } from './BulkAcknowledgeDialog';
import { AlertFilters } from './AlertFilters';
import { alertsApi, type AlertFilter } from './api';

/** The lists and the search they answer: a new search shows nothing of the previous one's answer. */
type Lists = { search: string; open: AlertRecord[] | null; acknowledged: AlertRecord[] | null };
const FILTER_NAMES = ['rule', 'customerId', 'staff', 'from', 'to'] as const;

/** The filters live in the URL: a search can be shared as a link. */
const useFilter = (): [AlertFilter, (next: AlertFilter) => void] => {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  const filter = useMemo(() => {
    const p = new URLSearchParams(key);
    const status = p.get('status');
    const f: AlertFilter = { status: status === 'open' || status === 'acknowledged' ? status : 'all' };
    for (const name of FILTER_NAMES) f[name] = p.get(name) || undefined;
    return f;
  }, [key]);
  const set = (next: AlertFilter) =>
    setParams(Object.fromEntries(Object.entries(next).filter((entry): entry is [string, string] => !!entry[1] && entry[1] !== 'all')));
  return [filter, set];
};

/**
 * The abuse alerts: open ones first, each naming its subject with its evidence and an Acknowledge button (a comment
 * is required), several acknowledged at once when picked; the acknowledged ones below, still searchable.
 */
export const AlertList = () => {
  const translate = useTranslate();
  const [filter, setFilter] = useFilter();
  const [answer, setLists] = useState<Lists | null>(null);
  const search = JSON.stringify(filter);
  const lists = answer?.search === search ? answer : null;
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [acknowledging, setAcknowledging] = useState<AlertRecord | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [bulk, setBulk] = useState(false);

  // State is set in the promise's callbacks only, so the effect may call it; `load` marks the reload first.
  const fetchLists = useCallback(() => {
    const want = (status: 'open' | 'acknowledged') =>
      filter.status === 'all' || filter.status === status ? alertsApi.search({ ...filter, status }) : Promise.resolve(null);
    return Promise.all([want('open'), want('acknowledged')])
      .then(
        ([open, acknowledged]) => {
          setLists({ search: JSON.stringify(filter), open, acknowledged });
          setSelected((s) => new Set([...s].filter((id) => open?.some((a) => a.id === id))));
          setError(null);
        },
        (e: unknown) => setError(apiErrorOf(e).message),
      )
      .finally(() => setLoading(false));
  }, [filter]);
  const load = () => {
    setLoading(true);
    return fetchLists();
  };
  useEffect(() => {
    void fetchLists();
  }, [fetchLists]);

  const select = (alert: AlertRecord, on: boolean) =>
    setSelected((s) => new Set(on ? [...s, alert.id] : [...s].filter((id) => id !== alert.id)));
  const done = () => {
    setAcknowledging(null);
    setBulk(false);
    void load();
  };

  return (
    <Box sx={{ mt: 2, display: 'grid', gap: 2 }}>
      <Title title={translate('sup.alerts.title')} />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1" sx={{ flex: 1 }}>
          {translate('sup.alerts.title')}
        </Typography>
        {selected.size > 0 && (
          <Button variant="contained" startIcon={<DoneAllIcon />} onClick={() => setBulk(true)}>
            {translate('sup.alerts.bulk_button', { smart_count: selected.size })}
          </Button>
        )}
        <Button startIcon={loading ? <CircularProgress size={16} /> : <RefreshIcon />} onClick={load} disabled={loading}>
          {translate('sup.alerts.refresh')}
        </Button>
      </Box>
      <AlertFilters key={search} value={filter} onChange={setFilter} />
      {error && <MuiAlert severity="error">{translate('sup.alerts.failed', { message: error })}</MuiAlert>}
      {lists?.open && (
        <AlertSection
          id="alerts-open"
          title={translate('sup.alerts.open_count', { smart_count: lists.open.length })}
          empty={translate('sup.alerts.none_open')}
          alerts={lists.open}
          onAcknowledge={setAcknowledging}
          selected={selected}
          onSelect={select}
        />
      )}
      {lists?.acknowledged && (
        <AlertSection
          id="alerts-acknowledged"
          title={translate('sup.alerts.acknowledged')}
          empty={translate('sup.alerts.none_acknowledged')}
          alerts={lists.acknowledged}
        />
      )}
      {!lists && !error && <CircularProgress sx={{ justifySelf: 'center' }} />}
      {acknowledging && <AcknowledgeDialog alert={acknowledging} onClose={() => setAcknowledging(null)} onDone={done} />}
      {bulk && lists?.open && (
        <BulkAcknowledgeDialog alerts={lists.open.filter((a) => selected.has(a.id))} onClose={() => setBulk(false)} onDone={done} />
      )}
    </Box>
  );
};
