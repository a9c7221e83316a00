import { Table, TableBody, TableCell, TableRow } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatTime } from '../../fields/UtcDateField';
import { CheckResultChip } from './fields';
import type { Verification } from './types';
import { TableHeader } from '../../common/TableHeader';
import { Note } from '../../common/Note';

/** Every check of the call, oldest first, as the server recorded it. */
export const CheckList = ({ checks }: { checks: Verification['checks'] }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (checks.length === 0) {
    return <Note>{translate('rd.accounts.verification.no_checks')}</Note>;
  }
  return (
    <Table size="small" aria-label={translate('rd.accounts.verification.checks')}>
      <TableHeader
        columns={[
          translate('rd.accounts.verification.columns.at'),
          translate('rd.accounts.verification.columns.check'),
          translate('rd.accounts.verification.columns.result'),
        ]}
      />
      <TableBody>
        {checks.map((check, index) => (
          <TableRow key={`${check.at}-${index}`}>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>
              <time dateTime={check.at}>{formatTime(check.at, locale)}</time>
            </TableCell>
            <TableCell>
              {translate(`rd.accounts.verification.kind.${check.kind}`, { _: check.kind })}
              {' · '}
              {translate(`rd.accounts.verification.subject.${check.subject}`, { _: check.subject })}
            </TableCell>
            <TableCell>
              <CheckResultChip result={check.result} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
