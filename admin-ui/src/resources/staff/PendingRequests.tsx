import { useCallback, useEffect, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CircularProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Tooltip,
  Typography,
} from '@mui/material';
import { useCanAccess, useGetIdentity, useLocaleState, useNotify, useRefresh, useTranslate } from 'react-admin';
import { apiErrorOf } from '../../providers/http';
import { supervisionApi, type PendingRequest } from '../../supervision/api';
import { TableHeader } from '../../common/TableHeader';
import { Note } from '../../common/Note';
import { formatDateTime } from '../../fields/UtcDateField';

/**
 * What waits for a second administrator (role grants of supervisor or admin, second-factor resets), above the staff
 * list for administrators. The requester's own rows cannot be confirmed (the server refuses it too), only refused.
 */
export const PendingRequests = () => {
  const { canAccess } = useCanAccess({ action: 'edit', resource: 'staff' });
  if (!canAccess) return null;
  return <PendingRequestsCard />;
};

const PendingRequestsCard = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { identity } = useGetIdentity();
  const notify = useNotify();
  const refresh = useRefresh();
  const [rows, setRows] = useState<PendingRequest[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  // State is set in the promise's callbacks, never synchronously: the mount effect below calls this.
  const load = useCallback(
    () =>
      supervisionApi.pendingRequests().then(
        (next) => setRows(next),
        (e: unknown) => setError(apiErrorOf(e).message),
      ),
    [],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const decide = async (row: PendingRequest, decision: 'confirm' | 'refuse') => {
    setBusy(row.id);
    setError(null);
    try {
      await supervisionApi.decideRequest(row, decision);
      notify(`sup.staff.decided_${decision}`, { type: 'success' });
      refresh();
    } catch (e) {
      setError(apiErrorOf(e).message);
    } finally {
      setBusy(null);
      await load();
    }
  };

  const change = (row: PendingRequest) =>
    row.kind === 'role_grant'
      ? `${(row.fromRoles ?? []).map((r) => translate(`rd.roles.${r}`)).join(', ') || '—'} → ${(row.roles ?? []).map((r) => translate(`rd.roles.${r}`)).join(', ')}`
      : translate('sup.staff.pending_kind_mfa_reset');

  return (
    <Card component="section" variant="outlined" aria-labelledby="staff-pending" sx={{ mt: 2 }}>
      <CardContent sx={{ display: 'grid', gap: 1.5 }}>
        <Typography id="staff-pending" variant="h6" component="h2">
          {translate('sup.staff.pending_title')}
        </Typography>
        <Box role="alert">{error && <Alert severity="error">{error}</Alert>}</Box>
        {rows === null ? (
          <CircularProgress size={20} />
        ) : rows.length === 0 ? (
          <Note>{translate('sup.staff.pending_empty')}</Note>
        ) : (
          <Table size="small" aria-labelledby="staff-pending">
            <TableHeader
              columns={[
                translate('sup.staff.pending_kind'),
                translate('sup.staff.pending_member'),
                translate('sup.staff.pending_change'),
                translate('sup.staff.pending_requested_by'),
                translate('sup.staff.pending_reason'),
                translate('sup.staff.pending_date'),
                translate('sup.staff.pending_actions'),
              ]}
            />
            <TableBody>
              {rows.map((row) => {
                const own = row.requestedBy === identity?.id;
                // The buttons say which request they decide: every row has the same two.
                const what = { kind: translate(`sup.staff.pending_kind_${row.kind}`), email: row.staffEmail };
                return (
                  <TableRow key={row.id}>
                    <TableCell>{translate(`sup.staff.pending_kind_${row.kind}`)}</TableCell>
                    <TableCell>
                      {row.staffName} ({row.staffEmail})
                    </TableCell>
                    <TableCell>{change(row)}</TableCell>
                    <TableCell>{row.requestedByEmail ?? '—'}</TableCell>
                    <TableCell>{row.reason}</TableCell>
                    <TableCell>
                      <Tooltip title={translate('rd.utc', { iso: row.createdAt })}>
                        <time dateTime={row.createdAt}>{formatDateTime(row.createdAt, locale)}</time>
                      </Tooltip>
                    </TableCell>
                    <TableCell>
                      <Stack direction="row" spacing={1}>
                        <Tooltip title={own ? translate('sup.staff.own_request') : ''}>
                          <span>
                            <Button
                              size="small"
                              variant="contained"
                              aria-label={translate('sup.staff.confirm_request', what)}
                              disabled={own || busy !== null}
                              onClick={() => decide(row, 'confirm')}
                            >
                              {translate('sup.staff.confirm')}
                            </Button>
                          </span>
                        </Tooltip>
                        <Button
                          size="small"
                          color="error"
                          aria-label={translate('sup.staff.refuse_request', what)}
                          disabled={busy !== null}
                          onClick={() => decide(row, 'refuse')}
                        >
                          {translate('sup.staff.refuse')}
                        </Button>
                      </Stack>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
};
