import type { MouseEvent } from 'react';
import { Alert, Box, Link, Typography } from '@mui/material';
import { DataTable, LinkBase, List, useCreatePath, useListContext, useRecordContext, useTranslate } from 'react-admin';
import { VOLATILE } from '../../providers/store';
import { monospace } from '../../theme';
import { AccountSearchForm } from './AccountSearchForm';
import { AccountChips, AccountTypeField, HolderField, MaskedField } from './fields';
import type { AccountSummary } from './types';

/** The API returns at most this many accounts for one search. */
const SEARCH_LIMIT = 25;

const Column = DataTable.Col<AccountSummary>;

/** The customer ID as a link, so the result can be opened from the keyboard too. */
const CustomerIdLink = (_props: { source: 'customerId'; label?: string }) => {
  const record = useRecordContext<AccountSummary>();
  const createPath = useCreatePath();
  if (!record) return null;
  return (
    <Link
      component={LinkBase}
      to={createPath({ resource: 'accounts', type: 'show', id: record.id })}
      onClick={(event: MouseEvent) => event.stopPropagation()}
      sx={{ fontFamily: monospace, fontWeight: 600, whiteSpace: 'nowrap' }}
    >
      {record.customerId}
    </Link>
  );
};

const CityField = (_props: { label?: string }) => {
  const record = useRecordContext<AccountSummary>();
  if (!record) return null;
  return (
    <Typography component="span" variant="body2">
      {[record.city, record.country].filter(Boolean).join(', ')}
    </Typography>
  );
};

const Results = () => {
  const translate = useTranslate();
  const { filterValues, data, isPending, error } = useListContext<AccountSummary>();
  const q = typeof filterValues.q === 'string' ? filterValues.q : '';
  if (!q) {
    return (
      <Typography id="account-search-hint" color="text.secondary" sx={{ px: 2, pb: 2 }}>
        {translate('rd.accounts.search.hint')}
      </Typography>
    );
  }
  if (error) return null;
  const count = data?.length ?? 0;
  return (
    <Box>
      {!isPending && count > 0 && (
        <Typography role="status" variant="body2" color="text.secondary" sx={{ px: 2, pb: 1 }}>
          {translate('rd.accounts.search.results', { smart_count: count })}
        </Typography>
      )}
      {!isPending && filterValues.similar !== true && data?.some((a) => a.match === 'similar') && (
        <Alert severity="warning" sx={{ mx: 2, mb: 1 }}>
          {translate('rd.accounts.search.similar_shown', { q })}
        </Alert>
      )}
      {!isPending && count >= SEARCH_LIMIT && (
        <Alert severity="info" sx={{ mx: 2, mb: 1 }}>
          {translate('rd.accounts.search.capped', { smart_count: SEARCH_LIMIT })}
        </Alert>
      )}
      <DataTable
        bulkActionButtons={false}
        rowClick="show"
        size="small"
        empty={
          <Typography role="status" color="text.secondary" sx={{ px: 2, py: 2 }}>
            {translate('rd.accounts.search.no_result', { q })}
          </Typography>
        }
      >
        <Column source="customerId" field={CustomerIdLink} disableSort />
        <Column source="name" field={HolderField} disableSort />
        <Column source="accountType" field={AccountTypeField} disableSort />
        <Column source="primaryEmail" field={MaskedField} disableSort />
        <Column source="phone" field={MaskedField} disableSort />
        <Column source="city" field={CityField} disableSort />
        <Column source="status" label="resources.accounts.fields.state" field={AccountChips} disableSort />
      </DataTable>
    </Box>
  );
};

/**
 * The agent's search while the customer is on the phone. The query stays in memory only (never in the URL nor
 * the browser's storage): it is personal data about the caller.
 */
export const AccountList = () => (
  <List
    title="rd.accounts.search.title"
    disableSyncWithLocation
    storeKey={`${VOLATILE}accounts.search`}
    perPage={SEARCH_LIMIT}
    // Every search is audited: coming back to the window or to this page does not search again by itself
    // (the app bar's refresh button does, on purpose).
    queryOptions={{ refetchOnWindowFocus: false, refetchOnReconnect: false, staleTime: 5 * 60_000 }}
    actions={false}
    exporter={false}
    pagination={false}
    empty={false}
    sx={{ '& .RaList-main': { minWidth: 0 }, '& .RaList-content': { overflowX: 'auto' } }}
  >
    <AccountSearchForm />
    <Results />
  </List>
);
