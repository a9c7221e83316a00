import { Alert, Box, Button, CircularProgress } from '@mui/material';
import ClaimIcon from '@mui/icons-material/AssignmentInd';
import { useNotify, useTranslate } from 'react-admin';
import { useAction } from '../../common/useAction';
import { casesApi } from './api';
import { type CaseDetail } from './types';
import { Note } from '../../common/Note';

/** Claiming: the reviewer takes the case; the server refuses whoever opened it or uploaded for it (four eyes). */
export const ClaimArea = ({ record, mine, onClaimed }: { record: CaseDetail; mine: boolean; onClaimed(): void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const { pending, refusal, run } = useAction();

  if (record.status === 'in_review') {
    return (
      <Alert severity={mine ? 'info' : 'warning'} data-testid="claim-state">
        {translate(mine ? 'cases.claim.by_you' : 'cases.claim.by_other')}
      </Alert>
    );
  }
  if (record.status !== 'submitted') return null;

  const claim = () =>
    run(
      async () => {
        await casesApi.claim(record.id);
        notify('cases.claim.done', { type: 'success' });
        onClaimed();
      },
      (problem) => {
        // 409: someone claimed it meanwhile; show who has it now.
        if (problem.status === 409) onClaimed();
      },
    );

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
        <Note>{translate('cases.claim.hint')}</Note>
      </Box>
      {refusal && (
        <Alert severity="error" role="alert">
          {refusal}
        </Alert>
      )}
    </Box>
  );
};
