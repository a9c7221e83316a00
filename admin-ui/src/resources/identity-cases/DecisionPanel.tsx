import { useState } from 'react';
import { Box, Button, Typography } from '@mui/material';
import AcceptIcon from '@mui/icons-material/CheckCircleOutlined';
import RejectIcon from '@mui/icons-material/HighlightOff';
import ReuploadIcon from '@mui/icons-material/Replay';
import { useTranslate } from 'react-admin';
import { DecisionDialog, type Mode } from './DecisionDialog';
import { DecisionSummary } from './DecisionSummary';
import type { CaseDocument, DecisionResult } from './types';
import { Note } from '../../common/Note';

interface Props {
  caseId: string;
  accountType: string;
  doc: CaseDocument;
  kindLabel: string;
  /** Claimed by the signed-in reviewer and still in review. */
  canDecide: boolean;
  /** Why the buttons are not offered, when the user reviews but cannot decide yet. */
  waitingReason: string | null;
  onDecided(result: DecisionResult): void;
}

/** A document's decision: what was decided, or the accept / reject / ask-again actions for the reviewer holding the case. */
export const DecisionPanel = ({ caseId, accountType, doc, kindLabel, canDecide, waitingReason, onDecided }: Props) => {
  const translate = useTranslate();
  const [mode, setMode] = useState<Mode | null>(null);

  if (doc.decision) return <DecisionSummary doc={doc} decision={doc.decision} />;

  if (!canDecide) {
    return waitingReason ? (
      <Note>{waitingReason}</Note>
    ) : null;
  }

  const processed = doc.state === 'processed';
  const failed = doc.state === 'failed';
  const unusable = doc.state === 'rejected' || doc.state === 'quarantined' || failed;
  return (
    <Box>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        <Button variant="contained" color="success" startIcon={<AcceptIcon />} disabled={!processed} onClick={() => setMode('accept')}>
          {translate('cases.decision.accept')}
        </Button>
        <Button
          variant="outlined"
          color="warning"
          startIcon={<ReuploadIcon />}
          onClick={() => setMode('reupload')}
          disabled={!processed && !unusable}
        >
          {translate('cases.decision.reupload')}
        </Button>
        <Button variant="outlined" color="error" startIcon={<RejectIcon />} onClick={() => setMode('reject')} disabled={!processed && !unusable}>
          {translate('cases.decision.reject')}
        </Button>
      </Box>
      {!processed && (
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 0.5 }}>
          {translate(failed ? 'cases.decision.failed_file' : unusable ? 'cases.decision.unusable_file' : 'cases.decision.not_processed')}
        </Typography>
      )}
      {mode && (
        <DecisionDialog
          mode={mode}
          caseId={caseId}
          accountType={accountType}
          doc={doc}
          kindLabel={kindLabel}
          onClose={() => setMode(null)}
          onDecided={onDecided}
        />
      )}
    </Box>
  );
};
