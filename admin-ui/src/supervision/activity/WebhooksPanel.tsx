import { useEffect, useState } from 'react';
import { TableBody, TableCell, TableRow } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import type { Schemas } from '../../api/types';
import { Note } from '../../common/Note';
import { Panel } from '../../common/Panel';
import { ScrollTable } from '../../common/ScrollTable';
import { TableHeader } from '../../common/TableHeader';
import { formatDateTime } from '../../fields/UtcDateField';
import { supervisionApi } from '../api';

/**
 * Where each webhook of the security event stream got to: the last entry it acknowledged, how far behind the
 * trail it is, and why its last POST failed. Nothing when no webhook is configured (the stream is off).
 */
export const WebhooksPanel = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [hooks, setHooks] = useState<Schemas['SecurityWebhookResponse'][]>([]);
  useEffect(() => {
    supervisionApi.securityWebhooks().then(
      (body) => setHooks(body.webhooks),
      () => setHooks([]),
    );
  }, []);
  if (!hooks.length) return null;
  return (
    <Panel sx={{ minWidth: 0 }} id="activity-webhooks" title={translate('sup.activity.webhooks')}>
      <Note>{translate('sup.activity.webhooks_help')}</Note>
      <ScrollTable>
        <TableHeader
          columns={[
            translate('sup.activity.webhook'),
            { label: translate('sup.activity.webhook_position'), align: 'right' },
            { label: translate('sup.activity.webhook_lag'), align: 'right' },
            translate('sup.activity.webhook_delivered_at'),
            translate('sup.activity.webhook_status'),
          ]}
        />
        <TableBody>
          {hooks.map((h) => (
            <TableRow key={h.name}>
              <TableCell>
                {h.name}
                <Note>{h.origin}</Note>
              </TableCell>
              <TableCell align="right">{h.lastDeliveredId}</TableCell>
              <TableCell align="right" sx={h.failures > 0 && h.lag > 0 ? { color: 'error.main', fontWeight: 700 } : undefined}>
                {h.lag}
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {h.lastDeliveredAt ? formatDateTime(h.lastDeliveredAt, locale) : translate('sup.activity.webhook_never')}
              </TableCell>
              <TableCell sx={h.failures > 0 ? { color: 'error.main' } : undefined}>
                {h.failures > 0
                  ? translate('sup.activity.webhook_failing', { failures: h.failures, error: h.lastError ?? '' })
                  : translate('sup.activity.webhook_ok')}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </ScrollTable>
    </Panel>
  );
};
