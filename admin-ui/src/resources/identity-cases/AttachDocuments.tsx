import { useRef, useState, type FormEvent } from 'react';
import { Alert, Box, Button, Card, CardContent, CircularProgress, MenuItem, TextField, Typography } from '@mui/material';
import AttachIcon from '@mui/icons-material/AttachFile';
import { useCanAccess, useNotify, useTranslate } from 'react-admin';
import { apiErrorOf } from '../../providers/http';
import { casesApi } from './api';
import { DOCUMENT_KINDS, type CaseDetail } from './types';

const OPEN_TO_STAFF = ['collecting', 'submitted', 'in_review'];
const ACCEPT = '.jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf';

/**
 * Agents attach what a customer sent by other means to a case they opened (`update` on `Case`, checked on the
 * record). Whoever uploads for a case can no longer review it: the server enforces it at claim time.
 */
export const AttachDocuments = ({ record, onAttached }: { record: CaseDetail; onAttached(): void }) => {
  const { canAccess, isPending } = useCanAccess({ action: 'update', resource: 'identity-cases', record });
  if (isPending || !canAccess || !OPEN_TO_STAFF.includes(record.status)) return null;
  return <AttachForm record={record} onAttached={onAttached} />;
};

const AttachForm = ({ record, onAttached }: { record: CaseDetail; onAttached(): void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const input = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<string>(record.checklist.find((item) => item.status === 'missing')?.kind ?? 'identity_front');
  const [chosen, setChosen] = useState(0);
  const [pending, setPending] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const files = Array.from(input.current?.files ?? []);
    if (!files.length) {
      setRefusal(translate('cases.attach.no_file'));
      return;
    }
    setPending(true);
    setRefusal(null);
    try {
      const { documents } = await casesApi.attach(record.id, kind, files);
      notify('cases.attach.done', { type: 'success', messageArgs: { smart_count: documents.length } });
      if (input.current) input.current.value = '';
      setChosen(0);
      onAttached();
    } catch (error) {
      setRefusal(apiErrorOf(error).message);
    } finally {
      setPending(false);
    }
  };

  return (
    <Card component="section" aria-labelledby="case-attach-title">
      <CardContent>
        <Typography id="case-attach-title" variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
          {translate('cases.attach.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate('cases.attach.description')}
        </Typography>
        <Box component="form" onSubmit={submit} noValidate sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center' }}>
          <TextField
            select
            size="small"
            name="kind"
            label={translate('cases.attach.kind')}
            value={kind}
            onChange={(event) => setKind(event.target.value)}
            sx={{ flex: '0 1 320px', minWidth: 240 }}
          >
            {DOCUMENT_KINDS.map((value) => (
              <MenuItem key={value} value={value}>
                {translate(`cases.kind.${value}`)}
              </MenuItem>
            ))}
          </TextField>
          <Button variant="outlined" component="label">
            {translate('cases.attach.choose')}
            <input
              ref={input}
              hidden
              type="file"
              name="files"
              multiple
              accept={ACCEPT}
              onChange={(event) => setChosen(event.target.files?.length ?? 0)}
            />
          </Button>
          <Typography variant="body2" color="text.secondary" aria-live="polite">
            {chosen ? translate('cases.attach.chosen', { smart_count: chosen }) : ''}
          </Typography>
          <Button
            type="submit"
            variant="contained"
            disabled={pending}
            startIcon={pending ? <CircularProgress size={16} /> : <AttachIcon />}
          >
            {translate('cases.attach.button')}
          </Button>
        </Box>
        {refusal && (
          <Alert severity="error" sx={{ mt: 2 }} role="alert">
            {refusal}
          </Alert>
        )}
      </CardContent>
    </Card>
  );
};
