import { Box, Card, CardContent, Chip, Tooltip, Typography } from '@mui/material';
import DoneIcon from '@mui/icons-material/Check';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime } from '../../fields/UtcDateField';
import { monospace } from '../../theme';
import { DecisionPanel } from './DecisionPanel';
import { DocumentViewer } from './DocumentViewer';
import { ReprocessButton } from './ReprocessButton';
import { formatBytes } from './fields';
import { PROCESSING_STEPS, type CaseDocument, type DecisionResult } from './types';
import { Note } from '../../common/Note';

interface Props {
  caseId: string;
  accountType: string;
  doc: CaseDocument;
  /** May see the files themselves (`read` on `Document`). */
  canSeeFiles: boolean;
  canDecide: boolean;
  /** May start a failed document's processing again (`review` on `Case`, case still open). */
  canReprocess: boolean;
  onReprocessed(): void;
  waitingReason: string | null;
  onDecided(result: DecisionResult): void;
}

/** One document: the viewer on the left; what processing found and the decision on the right. */
export const DocumentCard = ({
  caseId,
  accountType,
  doc,
  canSeeFiles,
  canDecide,
  canReprocess,
  onReprocessed,
  waitingReason,
  onDecided,
}: Props) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const kind = translate(`cases.kind.${doc.kind}`, { _: doc.kind });
  // An identity side names its type (stated by the customer, or confirmed by the reviewer).
  const kindLabel = doc.identityType ? `${kind} — ${translate(`cases.identity_type.${doc.identityType}`, { _: doc.identityType })}` : kind;
  const titleId = `document-${doc.id}-title`;
  return (
    <Card
      component="section"
      aria-labelledby={titleId}
      id={`document-${doc.id}`}
      data-testid="case-document"
      data-kind={doc.kind}
      data-superseded={doc.superseded ? 'true' : undefined}
    >
      <CardContent>
        <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 1, flexWrap: 'wrap', mb: 1.5 }}>
          <Typography id={titleId} variant="h6" component="h3">
            {kindLabel}
          </Typography>
          <Typography variant="body2" sx={{ fontFamily: monospace, overflowWrap: 'anywhere' }}>
            {doc.name}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            · {formatBytes(doc.sizeBytes, locale)} ·{' '}
            {translate('cases.documents.received', { date: formatDateTime(doc.createdAt, locale) })} ·{' '}
            {translate(doc.uploadedBy ? 'cases.documents.by_staff' : 'cases.documents.by_customer')}
          </Typography>
        </Box>
        <Box
          sx={{
            display: 'grid',
            gap: 2,
            gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'minmax(0, 3fr) minmax(0, 2fr)' },
            alignItems: 'start',
          }}
        >
          <Box sx={{ minWidth: 0 }}>
            {canSeeFiles ? (
              <DocumentViewer caseId={caseId} doc={doc} kindLabel={kindLabel} />
            ) : (
              <Note>{translate('cases.viewer.no_access')}</Note>
            )}
          </Box>
          <Box sx={{ display: 'grid', gap: 2, minWidth: 0 }}>
            <DocumentFacts doc={doc} />
            {doc.state === 'failed' && canReprocess && <ReprocessButton caseId={caseId} documentId={doc.id} onDone={onReprocessed} />}
            <DecisionPanel
              caseId={caseId}
              accountType={accountType}
              doc={doc}
              kindLabel={kindLabel}
              canDecide={canDecide}
              waitingReason={waitingReason}
              onDecided={onDecided}
            />
          </Box>
        </Box>
      </CardContent>
    </Card>
  );
};

const Fact = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <>
    <Typography component="dt" variant="body2" color="text.secondary">
      {label}
    </Typography>
    <Typography component="dd" variant="body2" sx={{ m: 0, minWidth: 0 }}>
      {children}
    </Typography>
  </>
);

/** What the processing pipeline found: state, scan verdict, hash, type, size or pages, PDF flags. */
const DocumentFacts = ({ doc }: { doc: CaseDocument }) => {
  const translate = useTranslate();
  const none = translate('cases.meta.none');
  const isPdf = doc.detectedType === 'application/pdf';
  return (
    <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', columnGap: 2, rowGap: 0.75, m: 0 }}>
      <Fact label={translate('cases.meta.state')}>
        <ProcessingState doc={doc} />
      </Fact>
      <Fact label={translate('cases.meta.scan')}>
        {doc.scanVerdict ? (
          <Chip
            size="small"
            variant="outlined"
            color={doc.scanVerdict === 'clean' ? 'success' : doc.scanVerdict === 'not_configured' ? 'default' : 'error'}
            label={translate(`cases.scan.${doc.scanVerdict}`, { _: doc.scanVerdict })}
          />
        ) : (
          translate('cases.scan.pending')
        )}
      </Fact>
      <Fact label={translate('cases.meta.sha256')}>
        {doc.sha256 ? (
          <Tooltip title={translate('cases.meta.copy', { hash: doc.sha256 })}>
            <Box component="span" sx={{ fontFamily: monospace }} data-testid="document-sha256">
              {doc.sha256.slice(0, 12)}…
            </Box>
          </Tooltip>
        ) : (
          '—'
        )}
      </Fact>
      <Fact label={translate('cases.meta.type')}>
        <Box component="span" sx={{ fontFamily: monospace }}>
          {doc.detectedType ?? '—'}
        </Box>
      </Fact>
      {isPdf ? (
        <>
          <Fact label={translate('cases.meta.pages')}>{doc.pdfPages ?? '—'}</Fact>
          <Fact label={translate('cases.meta.pdf_flags')}>
            {doc.pdfFlags.length ? (
              <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }}>
                {doc.pdfFlags.map((flag) => (
                  <Chip key={flag} size="small" color="warning" label={translate(`cases.pdf_flags.${flag}`, { _: flag })} />
                ))}
              </Box>
            ) : (
              none
            )}
          </Fact>
        </>
      ) : (
        doc.width !== null &&
        doc.height !== null && <Fact label={translate('cases.meta.dimensions')}>{`${doc.width} × ${doc.height} px`}</Fact>
      )}
    </Box>
  );
};

/** uploaded → typed → hashed → scanned → processed, or the final refusal with its note. */
const ProcessingState = ({ doc }: { doc: CaseDocument }) => {
  const translate = useTranslate();
  if (doc.state === 'rejected' || doc.state === 'quarantined' || doc.state === 'failed') {
    return (
      <Box>
        <Chip size="small" color="error" label={translate(`cases.state.${doc.state}`)} data-testid="document-state" />
        {doc.processingNote && (
          <Typography variant="body2" color="error" sx={{ mt: 0.5 }}>
            {doc.processingNote}
          </Typography>
        )}
      </Box>
    );
  }
  const reached = PROCESSING_STEPS.indexOf(doc.state);
  return (
    <Box
      component="ol"
      sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, listStyle: 'none', p: 0, m: 0 }}
      data-testid="document-state"
      data-state={doc.state}
    >
      {PROCESSING_STEPS.map((step, index) => {
        const done = index <= reached;
        const current = index === reached;
        return (
          <Box component="li" key={step} aria-current={current ? 'step' : undefined}>
            <Chip
              size="small"
              variant={current ? 'filled' : 'outlined'}
              color={done ? (step === 'processed' ? 'success' : 'primary') : 'default'}
              icon={done && !current ? <DoneIcon /> : undefined}
              label={translate(`cases.state.${step}`)}
              sx={{ opacity: done ? 1 : 0.55 }}
            />
          </Box>
        );
      })}
    </Box>
  );
};
