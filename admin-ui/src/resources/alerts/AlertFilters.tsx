import { useState, type FormEvent } from 'react';
import { Box, Button, MenuItem, TextField } from '@mui/material';
import SearchIcon from '@mui/icons-material/Search';
import { useTranslate } from 'react-admin';
import { ALERT_RULES } from '../../supervision/api';
import { ruleLabel } from './alertLabels';
import type { AlertFilter } from './api';

const STATUSES = ['all', 'open', 'acknowledged'] as const;

/** `2026-12-01T10:00` (the reader's local time) ↔ ISO UTC, for the time range. */
const toLocalInput = (iso?: string) => {
  if (!iso) return '';
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const fromLocalInput = (value: string) => (value ? new Date(value).toISOString() : undefined);

/** State, rule, the subject's customer ID, a staff email (or part of it) and a time range; applied on Search. */
export const AlertFilters = ({ value, onChange }: { value: AlertFilter; onChange: (next: AlertFilter) => void }) => {
  const translate = useTranslate();
  const [draft, setDraft] = useState({ ...value, from: toLocalInput(value.from), to: toLocalInput(value.to) });
  const set = (name: keyof AlertFilter) => (e: { target: { value: string } }) => setDraft({ ...draft, [name]: e.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange({ ...draft, from: fromLocalInput(draft.from), to: fromLocalInput(draft.to) });
  };
  const field = { size: 'small' as const, fullWidth: false, slotProps: { inputLabel: { shrink: true } } };

  return (
    <Box component="form" role="search" onSubmit={submit} sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap', alignItems: 'center' }}>
      <TextField
        {...field}
        select
        id="alerts-filter-status"
        name="status"
        label={translate('sup.alerts.filter.status')}
        value={draft.status}
        onChange={set('status')}
        sx={{ width: 240 }}
      >
        {STATUSES.map((s) => (
          <MenuItem key={s} value={s}>
            {translate(`sup.alerts.filter.status_${s}`)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        {...field}
        select
        id="alerts-filter-rule"
        name="rule"
        label={translate('sup.alerts.filter.rule')}
        value={draft.rule ?? ''}
        onChange={set('rule')}
        slotProps={{ ...field.slotProps, select: { displayEmpty: true } }}
        sx={{ width: 260 }}
      >
        <MenuItem value="">{translate('sup.alerts.filter.any_rule')}</MenuItem>
        {ALERT_RULES.map((r) => (
          <MenuItem key={r} value={r}>
            {ruleLabel(translate, r)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        {...field}
        id="alerts-filter-customerId"
        name="customerId"
        label={translate('sup.alerts.filter.customer_id')}
        value={draft.customerId ?? ''}
        onChange={set('customerId')}
        sx={{ width: 170 }}
      />
      <TextField
        {...field}
        id="alerts-filter-staff"
        name="staff"
        label={translate('sup.alerts.filter.staff')}
        value={draft.staff ?? ''}
        onChange={set('staff')}
        sx={{ width: 220 }}
      />
      <TextField
        {...field}
        type="datetime-local"
        id="alerts-filter-from"
        name="from"
        label={translate('sup.alerts.filter.from')}
        value={draft.from}
        onChange={set('from')}
        sx={{ width: 220 }}
      />
      <TextField
        {...field}
        type="datetime-local"
        id="alerts-filter-to"
        name="to"
        label={translate('sup.alerts.filter.to')}
        value={draft.to}
        onChange={set('to')}
        sx={{ width: 220 }}
      />
      <Button type="submit" variant="outlined" startIcon={<SearchIcon />}>
        {translate('sup.alerts.filter.search')}
      </Button>
    </Box>
  );
};
