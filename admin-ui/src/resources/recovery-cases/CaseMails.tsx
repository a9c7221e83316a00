import { Alert, Chip, CircularProgress, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { useGetList, useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime } from '../../fields/UtcDateField';
import { apiErrorOf } from '../../providers/http';
import { monospace } from '../../theme';
import type { OutboxMessage } from '../mail-outbox/types';
import type { RecoveryCase } from './types';
import { Panel } from '../../common/Panel';
import { TableHeader } from '../../common/TableHeader';
import { Note } from '../../common/Note';
import { ScrollTable } from '../../common/ScrollTable';

/** The account's mails (state, never content), the ones since the case was opened marked. */
export const CaseMails = ({ record }: { record: RecoveryCase }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data, error, isPending } = useGetList<OutboxMessage>('mail-outbox', {
    filter: { accountId: record.accountId },
    pagination: { page: 1, perPage: 25 },
  });
  const since = record.createdAt;
  return (
    <Panel id="recovery-mails-title" title={translate('recovery.show.mails')}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('recovery.show.mails_hint')}
      </Typography>
      {isPending ? (
        <CircularProgress size={24} />
      ) : error ? (
        <Alert severity="error">{translate('recovery.show.mails_failed', { message: apiErrorOf(error).message })}</Alert>
      ) : !data || data.length === 0 ? (
        <Note>{translate('recovery.show.mails_empty')}</Note>
      ) : (
        <ScrollTable aria-labelledby="recovery-mails-title" data-testid="recovery-mails">
          <TableHeader
            columns={[
              translate('resources.mail-outbox.fields.template'),
              translate('resources.mail-outbox.fields.to'),
              translate('resources.mail-outbox.fields.status'),
            ]}
          />
          <TableBody>
            {data.map((mail) => {
              const recent = mail.createdAt >= since;
              return (
                <TableRow key={mail.id} sx={recent ? { '& td:first-of-type': { boxShadow: 'inset 3px 0 0 #2f4858' } } : undefined}>
                  <TableCell>
                    {translate(`recovery.mail_template.${mail.template}`, {
                      _: translate(`rd.outbox.template.${mail.template}`, { _: mail.template }),
                    })}
                    <Typography component="span" variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                      <time dateTime={mail.createdAt}>{formatDateTime(mail.createdAt, locale)}</time>
                      {recent && ` · ${translate('recovery.show.since_case')}`}
                    </Typography>
                  </TableCell>
                  <TableCell sx={{ fontFamily: monospace, whiteSpace: 'nowrap' }}>{mail.to}</TableCell>
                  <TableCell>
                    <Chip
                      size="small"
                      variant={mail.status === 'failed' ? 'filled' : 'outlined'}
                      color={mail.status === 'sent' ? 'success' : mail.status === 'failed' ? 'error' : 'default'}
                      label={translate(`rd.outbox.status.${mail.status}`, { _: mail.status })}
                      title={mail.lastError ?? undefined}
                    />
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </ScrollTable>
      )}
    </Panel>
  );
};
