import { useState } from 'react';
import { Button, CircularProgress } from '@mui/material';
import ReplayIcon from '@mui/icons-material/Replay';
import { useNotify, useTranslate } from 'react-admin';
import { apiErrorOf } from '../../providers/http';
import { casesApi } from './api';

/** "Process again" on a document whose processing failed for good (not the file's fault): a fresh job, audited. */
export const ReprocessButton = ({ caseId, documentId, onDone }: { caseId: string; documentId: string; onDone(): void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [pending, setPending] = useState(false);
  const reprocess = async () => {
    setPending(true);
    try {
      await casesApi.reprocess(caseId, documentId);
      notify('cases.reprocess.done', { type: 'success' });
      onDone();
    } catch (error) {
      notify(apiErrorOf(error).message, { type: 'error' });
    } finally {
      setPending(false);
    }
  };
  return (
    <Button
      size="small"
      variant="outlined"
      onClick={reprocess}
      disabled={pending}
      startIcon={pending ? <CircularProgress size={16} /> : <ReplayIcon />}
      sx={{ mt: 1 }}
    >
      {translate('cases.reprocess.button')}
    </Button>
  );
};
