import { useState } from 'react';
import { Box, Button, CircularProgress, Link, List, ListItem, Typography } from '@mui/material';
import ExpandIcon from '@mui/icons-material/ExpandMore';
import CollapseIcon from '@mui/icons-material/ExpandLess';
import { LinkBase, useCreatePath, useLocaleState, useTranslate } from 'react-admin';
import { apiErrorOf } from '../../providers/http';
import { formatDateTime } from '../../fields/UtcDateField';
import { type AlertRecord } from '../../supervision/api';
import { auditActionLabel } from '../audit-events/fields';
import { alertsApi, type AlertEvidenceEntry } from './api';

/** The audit entries that raised the alert, on demand: time, who, what (translated), each a link to the entry. */
export const AlertEvidence = ({ alert }: { alert: AlertRecord }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const createPath = useCreatePath();
  const [open, setOpen] = useState(false);
  const [entries, setEntries] = useState<AlertEvidenceEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const count = alert.evidenceIds.length || 1;

  const toggle = () => {
    setOpen(!open);
    if (!open && entries === null) alertsApi.evidence(alert.id).then(setEntries, (e: unknown) => setError(apiErrorOf(e).message));
  };

  return (
    <Box>
      <Button size="small" onClick={toggle} aria-expanded={open} startIcon={open ? <CollapseIcon /> : <ExpandIcon />}>
        {translate('sup.alerts.evidence', { smart_count: count })}
      </Button>
      {open && error && <Typography color="error">{error}</Typography>}
      {open && !error && entries === null && <CircularProgress size={16} />}
      {open && entries && (
        <List dense aria-label={translate('sup.alerts.evidence_list')} sx={{ py: 0 }}>
          {entries.map((e) => (
            <ListItem key={e.id} sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap', py: 0.25 }}>
              <Typography component="time" variant="body2" dateTime={e.at}>
                {formatDateTime(e.at, locale)}
              </Typography>
              <Typography variant="body2">{e.actorEmail ?? translate('sup.alerts.system')}</Typography>
              <Link component={LinkBase} to={createPath({ resource: 'audit-events', type: 'show', id: e.id })} variant="body2">
                {auditActionLabel(translate, e.action)}
              </Link>
              {e.outcome !== 'success' && (
                <Typography variant="body2" color="text.secondary">
                  ({translate(`sup.alerts.outcome.${e.outcome}`, { _: e.outcome })})
                </Typography>
              )}
            </ListItem>
          ))}
        </List>
      )}
    </Box>
  );
};
