import { useState } from 'react';
import { Alert, Box, Button, Card, CardContent, Chip, CircularProgress, Link, Typography } from '@mui/material';
import ClaimIcon from '@mui/icons-material/AssignmentInd';
import RefreshIcon from '@mui/icons-material/Refresh';
import {
  LinkBase,
  Show,
  useCanAccess,
  useCreatePath,
  useGetIdentity,
  useLocaleState,
  useNotify,
  useRecordContext,
  useShowContext,
  useTranslate,
} from 'react-admin';
import { apiErrorOf } from '../../providers/http';
import { formatDateTime } from '../../fields/UtcDateField';
import { monospace } from '../../theme';
import { casesApi } from './api';
import { AttachDocuments } from './AttachDocuments';
import { Checklist } from './Checklist';
import { NextStep } from './NextStep';
import { TwoFactorChoice } from './TwoFactorChoice';
import { DocumentCard } from './DocumentCard';
import { CaseStatusChip, FlagChips, ReviewerText, TimeLeft } from './fields';
import { FINAL_STATES, type CaseDetail, type DecisionResult } from './types';

const POLL_MS = 3000;

/** Poll while a document is still being processed: the preview and the actions appear by themselves. */
const OPEN_CASES = ['collecting', 'submitted', 'in_review', 'awaiting_reupload'];

const stillProcessing = (record: CaseDetail | undefined) =>
  Boolean(record?.documents?.some(doc => !FINAL_STATES.includes(doc.state)));

const CaseTitle = () => {
  const record = useRecordContext<CaseDetail>();
  const translate = useTranslate();
  return <>{record ? translate('cases.title', { customerId: record.customerId }) : ''}</>;
};

export const CaseShow = () => (
  <Show
    title={<CaseTitle />}
    actions={false}
    component="div"
    emptyWhileLoading={false}
    queryOptions={{ refetchInterval: query => (stillProcessing(query.state.data as CaseDetail | undefined) ? POLL_MS : false) }}
  >
    <CaseWorkspace />
  </Show>
);

const CaseWorkspace = () => {
  const { record, isPending, refetch } = useShowContext<CaseDetail>();
  const translate = useTranslate();
  const notify = useNotify();
  const { identity } = useGetIdentity();
  const review = useCanAccess({ action: 'review', resource: 'identity-cases' });
  const files = useCanAccess({ action: 'read', resource: 'documents' });

  // Opened from the queue, react-admin first shows the list's row (a summary, no documents) until the case arrives.
  if (isPending || !record || !Array.isArray(record.documents) || !Array.isArray(record.checklist)) {
    return <CircularProgress sx={{ m: 4 }} aria-label={translate('ra.page.loading')} />;
  }

  const mine = Boolean(identity && record.reviewerId === String(identity.id));
  const canDecide = Boolean(review.canAccess) && record.status === 'in_review' && mine;
  const waitingReason = !review.canAccess
    ? null
    : record.status === 'submitted' || (record.status === 'in_review' && !mine)
      ? translate(record.status === 'submitted' ? 'cases.decision.need_claim' : 'cases.claim.by_other')
      : null;

  const decided = (result: DecisionResult) => {
    const key =
      result.caseStatus === 'verified'
        ? 'cases.decision.case_verified'
        : result.document.decision === 'reupload'
          ? 'cases.decision.done_reupload'
          : result.document.decision === 'rejected'
          ? 'cases.decision.done_rejected'
          : 'cases.decision.done_accepted';
    notify(key, { type: result.document.decision === 'accepted' ? 'success' : 'warning' });
    void refetch();
  };

  return (
    <Box sx={{ mt: 2, display: 'grid', gap: 2 }}>
      <Box
        sx={{
          display: 'grid',
          gap: 2,
          alignItems: 'start',
          gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(0, 1fr) minmax(0, 1fr)' },
        }}
      >
        <CaseHeader record={record} canReview={Boolean(review.canAccess)} mine={mine} onChange={() => void refetch()} />
        <Box sx={{ display: 'grid', gap: 2, minWidth: 0 }}>
          <AccountCard record={record} />
          <Checklist
            record={record}
            canChangeVariant={Boolean(review.canAccess) && OPEN_CASES.includes(record.status)}
            canRequest={canDecide}
            onChanged={() => void refetch()}
          />
          <TwoFactorChoice record={record} editable={canDecide} onChange={() => void refetch()} />
        </Box>
      </Box>
      {record.status === 'verified' && <Alert severity="success">{translate('cases.show.verified')}</Alert>}
      <NextStep record={record} />
      {record.status === 'awaiting_reupload' && (
        <Alert severity="warning" data-testid="reupload-asked">
          {translate('cases.show.awaiting_reupload', {
            kind: record.reuploadKind ? translate(`cases.kind.${record.reuploadKind}`, { _: record.reuploadKind }) : '—',
            reason: record.reuploadReason ? translate(`cases.reupload_reasons.${record.reuploadReason}`, { _: record.reuploadReason }) : '—',
          })}
          {record.reuploadNote && <> “{record.reuploadNote}”</>}
        </Alert>
      )}
      {record.status === 'rejected' && (
        <Alert severity="error">
          {translate('cases.show.rejection', {
            reason: record.rejectionReason ? translate(`cases.reasons.${record.rejectionReason}`, { _: record.rejectionReason }) : '—',
          })}
        </Alert>
      )}
      <AttachDocuments record={record} onAttached={() => void refetch()} />
      <Box component="section" aria-labelledby="case-documents-title" sx={{ display: 'grid', gap: 2 }}>
        <Typography id="case-documents-title" variant="h6" component="h2">
          {translate('cases.documents.title')}
        </Typography>
        {record.documents.length === 0 && (
          <Typography variant="body2" color="text.secondary">
            {translate('cases.documents.none')}
          </Typography>
        )}
        {record.documents.map(doc => (
          <DocumentCard
            key={doc.id}
            caseId={record.id}
            accountType={record.accountType}
            doc={doc}
            canSeeFiles={Boolean(files.canAccess)}
            canDecide={canDecide}
            canReprocess={Boolean(review.canAccess) && OPEN_CASES.includes(record.status)}
            onReprocessed={() => void refetch()}
            waitingReason={waitingReason}
            onDecided={decided}
          />
        ))}
      </Box>
    </Box>
  );
};

const Row = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <>
    <Typography component="dt" variant="body2" color="text.secondary">
      {label}
    </Typography>
    <Box component="dd" sx={{ m: 0, minWidth: 0 }}>
      {children}
    </Box>
  </>
);

const CaseHeader = ({
  record,
  canReview,
  mine,
  onChange,
}: {
  record: CaseDetail;
  canReview: boolean;
  mine: boolean;
  onChange(): void;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const when = (iso: string | null) => (iso ? formatDateTime(iso, locale) : '—');
  return (
    <Card component="section" aria-labelledby="case-title">
      <CardContent>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap', mb: 1.5 }}>
          <Typography id="case-title" variant="h6" component="h2" sx={{ fontFamily: monospace }}>
            {record.customerId}
          </Typography>
          <CaseStatusChip status={record.status} />
          <Chip size="small" variant="outlined" label={translate(`cases.purpose.${record.purpose}`, { _: record.purpose })} />
          <Box sx={{ flex: 1 }} />
          <Button size="small" startIcon={<RefreshIcon />} onClick={onChange}>
            {translate('cases.show.refresh')}
          </Button>
        </Box>
        <FlagChips flags={record.fraudFlags} />
        <Box
          component="dl"
          sx={{ display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', columnGap: 2, rowGap: 0.75, my: 1.5 }}
        >
          <Row label={translate('cases.fields.accountType')}>
            <Typography variant="body2">{translate(`cases.account_type.${record.accountType}`, { _: record.accountType })}</Typography>
          </Row>
          <Row label={translate('cases.fields.channel')}>
            <Typography variant="body2">{translate(`cases.channel.${record.channel}`, { _: record.channel })}</Typography>
          </Row>
          <Row label={translate('cases.fields.contactEmailConfirmed')}>
            <Typography variant="body2" color={record.contactEmailConfirmed ? undefined : 'warning.dark'}>
              {translate(record.contactEmailConfirmed ? 'cases.email.confirmed' : 'cases.email.not_confirmed')}
            </Typography>
          </Row>
          <Row label={translate('cases.fields.createdAt')}>
            <Typography variant="body2">{when(record.createdAt)}</Typography>
          </Row>
          <Row label={translate('cases.fields.submittedAt')}>
            <Typography variant="body2">{when(record.submittedAt)}</Typography>
          </Row>
          <Row label={translate('cases.fields.dueAt')}>
            <Typography variant="body2">{when(record.dueAt)}</Typography>
          </Row>
          <Row label={translate('cases.fields.timeLeft')}>
            <TimeLeft record={record} />
          </Row>
          {record.decidedAt && (
            <Row label={translate('cases.fields.decidedAt')}>
              <Typography variant="body2">{when(record.decidedAt)}</Typography>
            </Row>
          )}
          <Row label={translate('cases.fields.reviewer')}>
            <ReviewerText reviewerId={record.reviewerId} />
          </Row>
        </Box>
        {canReview && <ClaimArea record={record} mine={mine} onClaimed={onChange} />}
      </CardContent>
    </Card>
  );
};

/** Claiming: the reviewer takes the case; the server refuses whoever opened it or uploaded for it (four eyes). */
const ClaimArea = ({ record, mine, onClaimed }: { record: CaseDetail; mine: boolean; onClaimed(): void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [pending, setPending] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  if (record.status === 'in_review') {
    return (
      <Alert severity={mine ? 'info' : 'warning'} data-testid="claim-state">
        {translate(mine ? 'cases.claim.by_you' : 'cases.claim.by_other')}
      </Alert>
    );
  }
  if (record.status !== 'submitted') return null;

  const claim = async () => {
    setPending(true);
    setRefusal(null);
    try {
      await casesApi.claim(record.id);
      notify('cases.claim.done', { type: 'success' });
      onClaimed();
    } catch (error) {
      const problem = apiErrorOf(error);
      setRefusal(problem.message);
      // 409: someone claimed it meanwhile; show who has it now.
      if (problem.status === 409) onClaimed();
    } finally {
      setPending(false);
    }
  };

  return (
    <Box sx={{ display: 'grid', gap: 1 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Button
          variant="contained"
          onClick={() => void claim()}
          disabled={pending}
          startIcon={pending ? <CircularProgress size={16} /> : <ClaimIcon />}
        >
          {translate('cases.claim.button')}
        </Button>
        <Typography variant="body2" color="text.secondary">
          {translate('cases.claim.hint')}
        </Typography>
      </Box>
      {refusal && (
        <Alert severity="error" role="alert">
          {refusal}
        </Alert>
      )}
    </Box>
  );
};

const AccountCard = ({ record }: { record: CaseDetail }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const readAccounts = useCanAccess({ action: 'show', resource: 'accounts' });
  const account = record.account;
  return (
    <Card component="section" aria-labelledby="case-account-title">
      <CardContent>
        <Typography id="case-account-title" variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1 }}>
          {translate('cases.show.account')}
        </Typography>
        {account ? (
          <>
            <Typography variant="body1" data-testid="case-account-name">
              {account.companyName ? `${account.companyName} — ${account.name}` : account.name}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              <Box component="span" sx={{ fontFamily: monospace }}>
                {account.customerId}
              </Box>
              {' · '}
              {translate(`cases.account_type.${account.accountType}`, { _: String(account.accountType) })}
              {' · '}
              {[account.city, account.country].filter(Boolean).join(', ')}
            </Typography>
            <Typography variant="body2" sx={{ mt: 1 }}>
              {translate('cases.show.holder', { holder: translate(`cases.holder.${record.accountType}`, { _: record.identityHolder }) })}
            </Typography>
            {readAccounts.canAccess && (
              <Link component={LinkBase} to={createPath({ resource: 'accounts', type: 'show', id: account.id })} variant="body2">
                {translate('cases.show.open_account')}
              </Link>
            )}
          </>
        ) : (
          <Alert severity="warning">{translate('cases.show.no_account')}</Alert>
        )}
      </CardContent>
    </Card>
  );
};
