import { Box, Chip, Typography } from '@mui/material';
import AcceptIcon from '@mui/icons-material/CheckCircleOutlined';
import RejectIcon from '@mui/icons-material/HighlightOff';
import ReuploadIcon from '@mui/icons-material/Replay';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime } from '../../fields/UtcDateField';
import { formatDay } from './formatDay';
import type { CaseDocument } from './types';

const decisionColor = (decision: CaseDocument['decision']) =>
  decision === 'accepted' ? 'success' : decision === 'reupload' ? 'warning' : 'error';

/** What was decided on a document: the decision and its reason, what the reviewer read on it, when. */
export const DecisionSummary = ({ doc, decision }: { doc: CaseDocument; decision: NonNullable<CaseDocument['decision']> }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const reasonLabel = doc.decisionReason
    ? translate(`cases.${decision === 'reupload' ? 'reupload_reasons' : 'reasons'}.${doc.decisionReason}`, { _: doc.decisionReason })
    : '';
  return (
    <Box data-testid="document-decision">
      <Chip
        color={decisionColor(decision)}
        icon={decision === 'accepted' ? <AcceptIcon /> : decision === 'reupload' ? <ReuploadIcon /> : <RejectIcon />}
        label={`${translate(`cases.decision.${decision === 'reupload' ? 'reupload_asked' : decision}`)}${decision !== 'accepted' && reasonLabel ? ` — ${reasonLabel}` : ''}`}
      />
      {doc.identityType && decision === 'accepted' && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          {translate('cases.decision.read_type', { type: translate(`cases.identity_type.${doc.identityType}`, { _: doc.identityType }) })}
        </Typography>
      )}
      {doc.holderName && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          {translate('cases.decision.read', {
            name: doc.holderName,
            expiry: doc.documentExpiry ? formatDay(doc.documentExpiry, locale) : '—',
          })}
          {doc.nameMatches !== null && ` (${translate(doc.nameMatches ? 'cases.decision.name_matches' : 'cases.decision.name_differs')})`}
        </Typography>
      )}
      {doc.issuedOn && (
        <Typography variant="body2" sx={{ mt: 1 }} data-testid="document-issued-on">
          {translate('cases.decision.read_issued', { date: formatDay(doc.issuedOn, locale) })}
        </Typography>
      )}
      {doc.decisionNote && (
        <Typography variant="body2" sx={{ mt: 0.5, fontStyle: 'italic' }}>
          “{doc.decisionNote}”
        </Typography>
      )}
      {doc.decidedAt && (
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 0.5 }}>
          {translate('cases.decision.decided', { date: formatDateTime(doc.decidedAt, locale) })}
        </Typography>
      )}
    </Box>
  );
};
