import { Alert, Box, CircularProgress, Typography } from '@mui/material';
import { useCanAccess, useGetIdentity, useNotify, useShowContext, useTranslate } from 'react-admin';
import { AttachDocuments } from './AttachDocuments';
import { Checklist } from './Checklist';
import { NextStep } from './NextStep';
import { TwoFactorChoice } from './TwoFactorChoice';
import { DocumentCard } from './DocumentCard';
import { type CaseDetail, type DecisionResult } from './types';
import { CaseHeader } from './CaseHeader';
import { AccountCard } from './AccountCard';
import { Note } from '../../common/Note';
import { ReviewKeysContext } from './reviewKeys';
import { ShortcutButton, ShortcutHelp } from './ShortcutHelp';
import { useReviewKeys } from './useReviewKeys';

/** Poll while a document is still being processed: the preview and the actions appear by themselves. */
const OPEN_CASES = ['collecting', 'submitted', 'in_review', 'awaiting_reupload'];

export const CaseWorkspace = () => {
  const { record, isPending, refetch } = useShowContext<CaseDetail>();
  const translate = useTranslate();
  const notify = useNotify();
  const { identity } = useGetIdentity();
  const review = useCanAccess({ action: 'review', resource: 'identity-cases' });
  const files = useCanAccess({ action: 'read', resource: 'documents' });
  const documents = Array.isArray(record?.documents) ? record.documents : [];
  const keys = useReviewKeys(
    documents.map((d) => d.id),
    documents.find((d) => !d.decision)?.id ?? null,
  );

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
    // The case moves on: to the next document still to decide (after this one, else the first one left).
    const at = record.documents.findIndex((d) => d.id === result.document.id);
    const open = record.documents.filter((d) => !d.decision && d.id !== result.document.id);
    const next = open.find((d) => record.documents.indexOf(d) > at) ?? open[0];
    if (next && result.caseStatus === 'in_review') keys.moveTo(next.id);
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
            reason: record.reuploadReason
              ? translate(`cases.reupload_reasons.${record.reuploadReason}`, { _: record.reuploadReason })
              : '—',
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
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
          <Typography id="case-documents-title" variant="h6" component="h2" sx={{ flex: 1 }}>
            {translate('cases.documents.title')}
          </Typography>
          {record.documents.length > 0 && <ShortcutButton onClick={() => keys.setHelpOpen(true)} />}
        </Box>
        <ShortcutHelp open={keys.helpOpen} onClose={() => keys.setHelpOpen(false)} />
        {record.documents.length === 0 && <Note>{translate('cases.documents.none')}</Note>}
        <ReviewKeysContext.Provider value={keys.context}>
          {record.documents.map((doc) => (
            <DocumentCard
              key={doc.id}
              caseId={record.id}
              accountType={record.accountType}
              doc={doc}
              duplicates={record.duplicates}
              canSeeFiles={Boolean(files.canAccess)}
              canDecide={canDecide}
              canReprocess={Boolean(review.canAccess) && OPEN_CASES.includes(record.status)}
              onReprocessed={() => void refetch()}
              waitingReason={waitingReason}
              onDecided={decided}
            />
          ))}
        </ReviewKeysContext.Provider>
      </Box>
    </Box>
  );
};
