import { useState } from 'react';
import { Box, Button, Typography } from '@mui/material';
import AcceptIcon from '@mui/icons-material/CheckCircleOutlined';
import RejectIcon from '@mui/icons-material/HighlightOff';
import ReuploadIcon from '@mui/icons-material/Replay';
import { useTranslate } from 'react-admin';
import { DecisionDialog, type DecisionTarget, type Mode } from './DecisionDialog';
import { DecisionSummary } from './DecisionSummary';
import { Note } from '../../common/Note';

interface Props extends DecisionTarget {
  /** Claimed by the signed-in reviewer and still in review. */
  canDecide: boolean;
  /** Why the buttons are not offered, when the user reviews but cannot decide yet. */
  waitingReason: string | null;
}

/** A document's decision: what was decided, or the accept / reject / ask-again actions for the reviewer holding the case. */
export const DecisionPanel = ({ canDecide, waitingReason, ...target }: Props) => {
  const { doc } = target;
  const translate = useTranslate();
  const [mode, setMode] = useState<Mode | null>(null);

  if (doc.decision) return <DecisionSummary doc={doc} decision={doc.decision} />;

  if (!canDecide) {
    return waitingReason ? <Note>{waitingReason}</Note> : null;
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
        <Button
          variant="outlined"
          color="error"
          startIcon={<RejectIcon />}
          onClick={() => setMode('reject')}
          disabled={!processed && !unusable}
        >
          {translate('cases.decision.reject')}
        </Button>
      </Box>
      {!processed && (
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 0.5 }}>
          {translate(failed ? 'cases.decision.failed_file' : unusable ? 'cases.decision.unusable_file' : 'cases.decision.not_processed')}
        </Typography>
      )}
      {mode && <DecisionDialog mode={mode} {...target} onClose={() => setMode(null)} />}
    </Box>
  );
};
