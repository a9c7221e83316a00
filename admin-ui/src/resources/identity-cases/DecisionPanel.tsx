import type { ReactNode } from 'react';
import { Box, Button, Typography } from '@mui/material';
import AcceptIcon from '@mui/icons-material/CheckCircleOutlined';
import RejectIcon from '@mui/icons-material/HighlightOff';
import ReuploadIcon from '@mui/icons-material/Replay';
import { useTranslate } from 'react-admin';
import { DecisionForm } from './DecisionForm';
import { modeAllowed, type DecisionTarget, type Mode } from './decisionModes';
import { DecisionSummary } from './DecisionSummary';
import { Note } from '../../common/Note';

interface Props extends DecisionTarget {
  /** Claimed by the signed-in reviewer and still in review. */
  canDecide: boolean;
  /** Why the buttons are not offered, when the user reviews but cannot decide yet. */
  waitingReason: string | null;
  /** The open form, if any (the card holds it: the keys open it too). */
  mode: Mode | null;
  onMode(mode: Mode | null): void;
}

const BUTTONS: { mode: Mode; color: 'success' | 'warning' | 'error'; icon: ReactNode; key: string }[] = [
  { mode: 'accept', color: 'success', icon: <AcceptIcon />, key: 'A' },
  { mode: 'reupload', color: 'warning', icon: <ReuploadIcon />, key: 'U' },
  { mode: 'reject', color: 'error', icon: <RejectIcon />, key: 'X' },
];

/** A document's decision: what was decided, or the accept / ask-again / reject actions and the open form beside the preview. */
export const DecisionPanel = ({ canDecide, waitingReason, mode, onMode, ...target }: Props) => {
  const { doc } = target;
  const translate = useTranslate();

  if (doc.decision) return <DecisionSummary doc={doc} decision={doc.decision} />;
  if (!canDecide) return waitingReason ? <Note>{waitingReason}</Note> : null;
  if (mode) return <DecisionForm mode={mode} {...target} onClose={() => onMode(null)} />;

  const processed = doc.state === 'processed';
  const failed = doc.state === 'failed';
  const unusable = doc.state === 'rejected' || doc.state === 'quarantined' || failed;
  return (
    <Box>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        {BUTTONS.map((b) => (
          <Button
            key={b.mode}
            variant={b.mode === 'accept' ? 'contained' : 'outlined'}
            color={b.color}
            startIcon={b.icon}
            disabled={!modeAllowed(b.mode, doc)}
            onClick={() => onMode(b.mode)}
            aria-keyshortcuts={b.key}
          >
            {translate(`cases.decision.${b.mode}`)}
          </Button>
        ))}
      </Box>
      {!processed && (
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 0.5 }}>
          {translate(failed ? 'cases.decision.failed_file' : unusable ? 'cases.decision.unusable_file' : 'cases.decision.not_processed')}
        </Typography>
      )}
    </Box>
  );
};
