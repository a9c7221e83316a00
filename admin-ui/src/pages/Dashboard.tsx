import { useState, type FormEvent, type ReactNode } from 'react';
import {
  Alert,
  Box,
  Button,
  Chip,
  CircularProgress,
  Link as MuiLink,
  List,
  ListItem,
  ListItemText,
  TextField,
  Typography,
} from '@mui/material';
import SearchIcon from '@mui/icons-material/Search';
import { Link, useNavigate } from 'react-router-dom';
import { Title, useCanAccess, useGetIdentity, useLocaleState, useStore, useTranslate } from 'react-admin';
import { VOLATILE } from '../providers/store';
import { CALL_REFERENCE_KEY } from '../resources/accounts/AccountSearchForm';
import { apiErrorOf } from '../providers/http';
import { formatDateTime, formatTime } from '../fields/UtcDateField';
import { monospace } from '../theme';
import { AdminHome, AgentHome, ReviewerHome, SupervisorHome, useHome } from './homeApi';
import { Panel } from '../common/Panel';

/**
 * The home page of each role: an agent lands on the search box and the calls of their day, a reviewer on the
 * queue and the cases near or past 72 h, a supervisor on what waits for them, an admin on staff requests. A
 * person with several roles sees each block they may see.
 */
export const Dashboard = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const agent = useCanAccess({ action: 'create', resource: 'verifications' });
  const reviewer = useCanAccess({ action: 'review', resource: 'identity-cases' });
  const supervisor = useCanAccess({ action: 'approve', resource: 'recovery-cases' });
  const admin = useCanAccess({ action: 'edit', resource: 'staff' });
  const pending = agent.isPending || reviewer.isPending || supervisor.isPending || admin.isPending;
  const none = !pending && !agent.canAccess && !reviewer.canAccess && !supervisor.canAccess && !admin.canAccess;

  return (
    <Box sx={{ mt: 2, display: 'grid', gap: 2 }} aria-busy={pending}>
      <Title title={translate('rd.dashboard.title')} />
      <Typography variant="h5" component="h1">
        {identity?.fullName ? translate('rd.dashboard.greeting', { name: identity.fullName }) : translate('rd.dashboard.title')}
      </Typography>
      {agent.canAccess && <AgentBlock />}
      {reviewer.canAccess && <ReviewerBlock />}
      {supervisor.canAccess && <SupervisorBlock />}
      {admin.canAccess && <AdminBlock />}
      {none && <Typography color="text.secondary">{translate('rd.dashboard.hint')}</Typography>}
    </Box>
  );
};

const Block = ({ id, title, children }: { id: string; title: string; children: ReactNode }) => (
  <Panel id={`home-${id}`} data-home={id} title={title}>
    {children}
  </Panel>
);

const Loading = ({ error }: { error: unknown }) => {
  const translate = useTranslate();
  if (error) return <Alert severity="error">{translate('calls.home.failed', { message: apiErrorOf(error).message })}</Alert>;
  return <CircularProgress size={24} />;
};

/** A number with its label, linking to the screen where the items are. */
const Count = ({ value, label, to, tone }: { value: number; label: string; to: string; tone?: 'warning' | 'error' }) => (
  <MuiLink component={Link} to={to} underline="hover" sx={{ display: 'block', minWidth: 140 }} data-count={label}>
    <Typography variant="h4" component="span" color={value > 0 && tone ? `${tone}.main` : 'text.primary'} sx={{ display: 'block' }}>
      {value}
    </Typography>
    <Typography variant="body2" color="text.secondary" component="span">
      {label}
    </Typography>
  </MuiLink>
);

const Counts = ({ children }: { children: ReactNode }) => <Box sx={{ display: 'flex', gap: 3, flexWrap: 'wrap', mb: 1 }}>{children}</Box>;

const listFilter = (filter: Record<string, string>) => `?filter=${encodeURIComponent(JSON.stringify(filter))}`;

const AgentBlock = () => {
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
    navigate('/accounts');
  };
  return (
    <Block id="agent" title={translate('calls.home.agent.title')}>
      <Box component="form" role="search" onSubmit={search} sx={{ display: 'flex', gap: 1, mb: 2 }}>
        <TextField
          name="homeSearch"
          size="small"
          value={q}
          onChange={e => setQ(e.target.value)}
          label={translate('calls.home.agent.search')}
          autoFocus
          sx={{ flex: '1 1 auto', maxWidth: 520 }}
        />
        <TextField
          name="homeCallRef"
          size="small"
          value={callRef}
          onChange={e => setCallRef(e.target.value)}
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
        <Typography variant="body2" color="text.secondary">
          {translate('calls.home.agent.no_calls')}
        </Typography>
      ) : (
        <List dense aria-label={translate('calls.home.agent.calls')}>
          {data.calls.map(call => (
            <ListItem key={call.verificationId} disableGutters>
              <ListItemText
                primary={
                  <MuiLink component={Link} to={`/accounts/${call.accountId}/show`}>
                    <Box component="span" sx={{ fontFamily: monospace }}>
                      {call.customerId}
                    </Box>
                  </MuiLink>
                }
                secondary={translate('calls.home.agent.call_line', { reference: call.callReference, time: formatTime(call.startedAt, locale) })}
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

const ReviewerBlock = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data, error } = useHome<ReviewerHome>('reviewer', true);
  return (
    <Block id="reviewer" title={translate('calls.home.reviewer.title')}>
      {!data ? (
        <Loading error={error} />
      ) : (
        <>
          <Counts>
            <Count value={data.waiting} label={translate('calls.home.reviewer.waiting')} to={`/identity-cases${listFilter({ status: 'submitted' })}`} />
            <Count value={data.inReview} label={translate('calls.home.reviewer.in_review')} to={`/identity-cases${listFilter({ status: 'in_review' })}`} />
            <Count value={data.mine} label={translate('calls.home.reviewer.mine')} to="/identity-cases" />
            <Count
              value={data.awaitingReupload}
              label={translate('calls.home.reviewer.awaiting_reupload')}
              to={`/identity-cases${listFilter({ status: 'awaiting_reupload' })}`}
            />
            <Count value={data.near} label={translate('calls.home.reviewer.near', { hours: data.targetHours })} to="/identity-cases" tone="warning" />
            <Count value={data.past} label={translate('calls.home.reviewer.past', { hours: data.targetHours })} to="/identity-cases" tone="error" />
          </Counts>
          {data.cases.length === 0 ? (
            <Typography variant="body2" color="text.secondary">
              {translate('calls.home.reviewer.none_late', { hours: data.targetHours })}
            </Typography>
          ) : (
            <List dense aria-label={translate('calls.home.reviewer.late_list')}>
              {data.cases.map(c => (
                <ListItem key={c.id} disableGutters>
                  <ListItemText
                    primary={
                      <MuiLink component={Link} to={`/identity-cases/${c.id}/show`}>
                        {translate(`cases.purpose.${c.purpose}`, { _: c.purpose })}
                        {' · '}
                        <Box component="span" sx={{ fontFamily: monospace }}>
                          {c.customerId}
                        </Box>
                      </MuiLink>
                    }
                    secondary={translate(c.hoursLeft < 0 ? 'calls.home.reviewer.overdue' : 'calls.home.reviewer.due', {
                      hours: Math.abs(c.hoursLeft),
                      due: formatDateTime(c.dueAt, locale),
                      status: translate(`cases.status.${c.status}`, { _: c.status }),
                    })}
                  />
                  {c.mine && <Chip size="small" label={translate('calls.home.reviewer.yours')} />}
                </ListItem>
              ))}
            </List>
          )}
        </>
      )}
    </Block>
  );
};

const SupervisorBlock = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data, error } = useHome<SupervisorHome>('supervisor', true);
  return (
    <Block id="supervisor" title={translate('calls.home.supervisor.title')}>
      {!data ? (
        <Loading error={error} />
      ) : (
        <>
          <Counts>
            <Count
              value={data.pendingApprovals}
              label={translate('calls.home.supervisor.approvals')}
              to={`/recovery-cases${listFilter({ status: 'pending_approval' })}`}
              tone="warning"
            />
            <Count value={data.openAlerts} label={translate('calls.home.supervisor.alerts')} to="/alerts" tone="error" />
            <Count value={data.failedMails} label={translate('calls.home.supervisor.failed_mails')} to={`/mail-outbox${listFilter({ status: 'failed' })}`} tone="error" />
          </Counts>
          {data.oldestApprovalAt && (
            <Typography variant="body2" color="text.secondary">
              {translate('calls.home.supervisor.oldest_approval', { date: formatDateTime(data.oldestApprovalAt, locale) })}
            </Typography>
          )}
          <Box sx={{ mt: 1 }} data-chain={data.chain ? (data.chain.ok ? 'ok' : 'broken') : 'unchecked'}>
            {!data.chain ? (
              <Alert severity="info">{translate('calls.home.supervisor.chain_unchecked')}</Alert>
            ) : data.chain.ok ? (
              <Alert severity="success">
                {translate(data.chain.fullPass ? 'calls.home.supervisor.chain_ok_full' : 'calls.home.supervisor.chain_ok', {
                  date: formatDateTime(data.chain.checkedAt, locale),
                })}
              </Alert>
            ) : (
              <Alert severity="error">
                {translate('calls.home.supervisor.chain_broken', { date: formatDateTime(data.chain.checkedAt, locale) })}{' '}
                <MuiLink component={Link} to="/audit-events">
                  {translate('calls.home.supervisor.chain_open')}
                </MuiLink>
              </Alert>
            )}
          </Box>
        </>
      )}
    </Block>
  );
};

const AdminBlock = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data, error } = useHome<AdminHome>('admin', true);
  return (
    <Block id="admin" title={translate('calls.home.admin.title')}>
      {!data ? (
        <Loading error={error} />
      ) : data.pendingRequests === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('calls.home.admin.none')}
        </Typography>
      ) : (
        <>
          <Counts>
            <Count value={data.pendingRequests} label={translate('calls.home.admin.pending')} to="/staff" tone="warning" />
          </Counts>
          <List dense aria-label={translate('calls.home.admin.pending')}>
            {data.requests.map(r => (
              <ListItem key={r.id} disableGutters>
                <ListItemText
                  primary={
                    <MuiLink component={Link} to={`/staff/${r.staffId}/show`}>
                      {r.staffName}
                    </MuiLink>
                  }
                  secondary={[
                    translate(`sup.staff.pending_kind_${r.kind}`),
                    r.roles ? r.roles.map(role => translate(`rd.roles.${role}`, { _: role })).join(', ') : null,
                    formatDateTime(r.createdAt, locale),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                />
              </ListItem>
            ))}
          </List>
        </>
      )}
    </Block>
  );
};
