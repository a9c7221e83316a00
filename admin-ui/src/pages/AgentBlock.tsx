import { useState, type FormEvent } from 'react';
import { Box, Button, Chip, Link as MuiLink, List, ListItem, ListItemText, TextField, Typography } from '@mui/material';
import SearchIcon from '@mui/icons-material/Search';
import { Link, useNavigate } from 'react-router-dom';
import { useLocaleState, useStore, useTranslate } from 'react-admin';
import { VOLATILE } from '../providers/store';
import { CALL_REFERENCE_KEY } from '../resources/accounts/callReference';
import { formatTime } from '../fields/UtcDateField';
import { monospace } from '../theme';
import { AgentHome, useHome } from './homeApi';
import { Block, Loading } from './homeParts';
import { Note } from '../common/Note';

export const AgentBlock = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [callRef, setCallRef] = useStore<string>(CALL_REFERENCE_KEY, '');
  // The account search keeps its query in memory only, never in the URL: hand it over through its store.
  const [, setSearchParams] = useStore<object>(`${VOLATILE}accounts.search`);
  const { data, error } = useHome<AgentHome>('agent', true);
  const search = (event: FormEvent) => {
    event.preventDefault();
    if (!q.trim()) return;
    setSearchParams({ filter: { q: q.trim(), ...(callRef.trim() ? { callRef: callRef.trim() } : {}) } });
    void navigate('/accounts');
  };
  return (
    <Block id="agent" title={translate('calls.home.agent.title')}>
      <Box component="form" role="search" onSubmit={search} sx={{ display: 'flex', gap: 1, mb: 2 }}>
        <TextField
          name="homeSearch"
          size="small"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          label={translate('calls.home.agent.search')}
          autoFocus
          sx={{ flex: '1 1 auto', maxWidth: 520 }}
        />
        <TextField
          name="homeCallRef"
          size="small"
          value={callRef}
          onChange={(e) => setCallRef(e.target.value)}
          label={translate('rd.accounts.verification.call_ref')}
          sx={{ width: 200 }}
          slotProps={{ htmlInput: { maxLength: 100 } }}
        />
        <Button type="submit" variant="contained" startIcon={<SearchIcon />}>
          {translate('calls.home.agent.search_button')}
        </Button>
      </Box>
      <Typography variant="subtitle2" component="h3">
        {translate('calls.home.agent.calls')}
      </Typography>
      {!data ? (
        <Loading error={error} />
      ) : data.calls.length === 0 ? (
        <Note>{translate('calls.home.agent.no_calls')}</Note>
      ) : (
        <List dense aria-label={translate('calls.home.agent.calls')}>
          {data.calls.map((call) => (
            <ListItem key={call.verificationId} disableGutters>
              <ListItemText
                primary={
                  <MuiLink component={Link} to={`/accounts/${call.accountId}/show`}>
                    <Box component="span" sx={{ fontFamily: monospace }}>
                      {call.customerId}
                    </Box>
                  </MuiLink>
                }
                secondary={translate('calls.home.agent.call_line', {
                  reference: call.callReference,
                  time: formatTime(call.startedAt, locale),
                })}
              />
              <Chip
                size="small"
                color={call.live ? 'primary' : 'default'}
                label={translate(call.live ? 'calls.home.agent.live' : 'calls.home.agent.ended')}
                sx={{ mr: 1 }}
              />
              {call.possessionProven.length > 0 && <Chip size="small" color="success" label={translate('calls.home.agent.verified')} />}
              {call.locked && <Chip size="small" color="error" label={translate('calls.home.agent.locked')} />}
            </ListItem>
          ))}
        </List>
      )}
    </Block>
  );
};
