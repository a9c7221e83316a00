import { useEffect, useRef, useState } from 'react';
import { Box, Card, CardContent, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime } from '../../fields/UtcDateField';
import { monospace } from '../../theme';
import { DecisionPanel } from './DecisionPanel';
import { modeAllowed, type DecisionTarget, type Mode } from './decisionModes';
import { DocumentFacts } from './DocumentFacts';
import { DocumentViewer } from './DocumentViewer';
import { ReprocessButton } from './ReprocessButton';
import { formatBytes } from './fields';
import { useReviewKeysContext, type CardAction } from './reviewKeys';
import { useView } from './useView';
import { Note } from '../../common/Note';

interface Props extends Omit<DecisionTarget, 'kindLabel'> {
  /** May see the files themselves (`read` on `Document`). */
  canSeeFiles: boolean;
  canDecide: boolean;
  /** May start a failed document's processing again (`review` on `Case`, case still open). */
  canReprocess: boolean;
  onReprocessed(): void;
  waitingReason: string | null;
}

/** Wide screens: the decision in a column beside the preview; narrower ones: below it. */
const SIDE_BY_SIDE = '@media (min-width: 1280px)';

/**
 * One document: the viewer, and beside it the decision (its buttons, or its open form) over what processing
 * found. The current document (keys J/K) is outlined; the keys' zoom, rotation and decisions act on it.
 */
export const DocumentCard = ({ canSeeFiles, canDecide, canReprocess, onReprocessed, waitingReason, ...target }: Props) => {
  const { doc } = target;
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const view = useView();
  const [mode, setMode] = useState<Mode | null>(null);
  const keys = useReviewKeysContext();
  const card = useRef<HTMLElement>(null);
  const current = keys?.currentId === doc.id;
  const kind = translate(`cases.kind.${doc.kind}`, { _: doc.kind });
  // An identity side names its type (stated by the customer, or confirmed by the reviewer).
  const kindLabel = doc.identityType ? `${kind} — ${translate(`cases.identity_type.${doc.identityType}`, { _: doc.identityType })}` : kind;
  const titleId = `document-${doc.id}-title`;

  const register = keys?.register;
  useEffect(() => {
    if (!register) return;
    return register(doc.id, (action: CardAction) => {
      if (action === 'accept' || action === 'reject' || action === 'reupload') {
        if (!canDecide || mode || !modeAllowed(action, doc)) return false;
        setMode(action);
        return true;
      }
      if (!canSeeFiles || !doc.hasPreview) return false;
      view[action]();
      return true;
    });
  }, [register, doc, canDecide, canSeeFiles, mode, view]);

  // Moved to by a key or after a decision (a new focusSeq), the card takes the focus and scrolls into view; made
  // current by a click or Tab (same focusSeq), it leaves the focus where the reviewer put it.
  const focusSeq = keys?.focusSeq ?? 0;
  const seenSeq = useRef(focusSeq);
  useEffect(() => {
    if (focusSeq === seenSeq.current) return;
    seenSeq.current = focusSeq;
    if (current) card.current?.focus();
  }, [current, focusSeq]);

  const closeForm = () => {
    setMode(null);
    card.current?.focus();
  };

  return (
    <Card
      ref={card}
      tabIndex={-1}
      component="section"
      aria-labelledby={titleId}
      aria-current={current ? 'true' : undefined}
      id={`document-${doc.id}`}
      data-testid="case-document"
      data-kind={doc.kind}
      data-current={current ? 'true' : undefined}
      data-superseded={doc.superseded ? 'true' : undefined}
      onFocus={() => !current && keys?.setCurrent(doc.id)}
      onMouseDown={() => !current && keys?.setCurrent(doc.id)}
      sx={{
        scrollMarginTop: 72,
        outline: current ? '2px solid' : 'none',
        outlineColor: 'primary.main',
        outlineOffset: 2,
      }}
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
            gridTemplateColumns: 'minmax(0, 1fr)',
            alignItems: 'start',
            [SIDE_BY_SIDE]: { gridTemplateColumns: 'minmax(0, 3fr) minmax(360px, 2fr)' },
          }}
        >
          <Box sx={{ minWidth: 0 }}>
            {canSeeFiles ? (
              <DocumentViewer caseId={target.caseId} doc={doc} kindLabel={kindLabel} view={view} />
            ) : (
              <Note>{translate('cases.viewer.no_access')}</Note>
            )}
          </Box>
          <Box sx={{ display: 'grid', gap: 2, minWidth: 0 }} data-testid="decision-column">
            <DecisionPanel
              {...target}
              kindLabel={kindLabel}
              canDecide={canDecide}
              waitingReason={waitingReason}
              mode={mode}
              onMode={(m) => (m ? setMode(m) : closeForm())}
            />
            {doc.state === 'failed' && canReprocess && (
              <ReprocessButton caseId={target.caseId} documentId={doc.id} onDone={onReprocessed} />
            )}
            <DocumentFacts doc={doc} />
          </Box>
        </Box>
      </CardContent>
    </Card>
  );
};
