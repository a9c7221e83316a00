import { useState } from 'react';
import { Alert, Box, Button, Card, CardContent, Chip, Link, MenuItem, TextField, Typography } from '@mui/material';
import AskIcon from '@mui/icons-material/MarkEmailUnread';
import { useNotify, useTranslate } from 'react-admin';
import { casesApi } from './api';
import { useAction } from '../../common/useAction';
import { ADDRESS_VARIANTS, type CaseDetail, type ItemStatus } from './types';
import { FormDialog } from '../../common/FormDialog';

type ChipColor = 'default' | 'info' | 'warning' | 'success' | 'error' | 'primary';

const itemColors: Record<ItemStatus, ChipColor> = {
  missing: 'default',
  processing: 'info',
  to_review: 'warning',
  incomplete: 'warning',
  accepted: 'success',
  rejected: 'error',
  unusable: 'error',
};

const scrollTo = (documentId: string) =>
  document.getElementById(`document-${documentId}`)?.scrollIntoView({ behavior: 'smooth', block: 'start' });

/** The provider's required documents for this account type, each with where it stands. */
export const Checklist = ({
  record,
  canChangeVariant = false,
  canRequest = false,
  onChanged,
}: {
  record: CaseDetail;
  canChangeVariant?: boolean;
  /** The reviewer holding the case may ask the customer for what an item misses. */
  canRequest?: boolean;
  onChanged?(): void;
}) => {
  const translate = useTranslate();
  const [asking, setAsking] = useState<string | null>(null);
  const items = record.checklist;
  const variant = record.accountType === 'individual' ? (record.addressVariant ?? 'standard') : null;
  const label = (item: (typeof items)[number]) =>
    item.kind === 'identity_front'
      ? item.identityType
        ? translate('cases.checklist.identity_typed', {
            type: translate(`cases.identity_type.${item.identityType}`, { _: item.identityType }),
          })
        : translate('cases.checklist.identity')
      : translate(`cases.kind.${item.kind}`, { _: item.kind });
  return (
    <Card component="section" aria-labelledby="case-checklist-title">
      <CardContent>
        <Typography id="case-checklist-title" variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
          {translate('cases.checklist.title')}
        </Typography>
        <Typography variant="body2" sx={{ mb: 0.5 }}>
          {translate(`cases.checklist.rule.${record.accountType}`, { _: record.accountType })}
        </Typography>
        {variant &&
          (canChangeVariant ? (
            <VariantSelect caseId={record.id} variant={variant} onChanged={onChanged} />
          ) : (
            <Typography variant="body2" sx={{ mb: 0.5 }} data-testid="checklist-variant">
              <strong>{translate('cases.checklist.variant_label')}</strong> {translate(`cases.variant.${variant}`, { _: variant })}
            </Typography>
          ))}
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1.5 }}>
          {translate('cases.checklist.common')}
        </Typography>
        <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 1 }} data-testid="case-checklist">
          {items.map((item) => (
            <Box
              component="li"
              key={item.kind}
              data-kind={item.kind}
              data-status={item.status}
              sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 1 }}
            >
              <Box sx={{ minWidth: 0 }}>
                {item.documentIds.length ? (
                  <Link
                    component="button"
                    type="button"
                    variant="body2"
                    onClick={() => scrollTo(item.documentIds[0])}
                    sx={{ textAlign: 'left' }}
                  >
                    {label(item)}
                  </Link>
                ) : (
                  <Typography variant="body2">{label(item)}</Typography>
                )}
                {item.documentIds.length > 0 && (item.missing ?? []).length > 0 && (
                  <Typography variant="caption" color="warning.dark" component="p" data-testid="checklist-missing">
                    {(item.missing ?? [])
                      .map((kind) => translate(`cases.checklist.missing_part.${kind}`, { _: translate(`cases.kind.${kind}`, { _: kind }) }))
                      .join(', ')}
                  </Typography>
                )}
                {canRequest &&
                  (item.missing ?? []).map((kind) => (
                    <Button
                      key={kind}
                      size="small"
                      startIcon={<AskIcon />}
                      onClick={() => setAsking(kind)}
                      aria-label={translate('cases.request.button_label', { kind: translate(`cases.kind.${kind}`, { _: kind }) })}
                      sx={{ display: 'flex', mt: 0.25, textTransform: 'none' }}
                    >
                      {translate('cases.request.button')}
                    </Button>
                  ))}
              </Box>
              <Chip
                size="small"
                color={itemColors[item.status] ?? 'default'}
                variant={item.status === 'accepted' || item.status === 'rejected' ? 'filled' : 'outlined'}
                label={translate(`cases.checklist.item_status.${item.status}`, { _: item.status })}
              />
            </Box>
          ))}
        </Box>
        {asking && <RequestDialog caseId={record.id} kind={asking} onClose={() => setAsking(null)} onDone={() => onChanged?.()} />}
      </CardContent>
    </Card>
  );
};

/** Asks the customer for a document the checklist misses: mailed with a link for that document only. */
const RequestDialog = ({ caseId, kind, onClose, onDone }: { caseId: string; kind: string; onClose(): void; onDone(): void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [note, setNote] = useState('');
  const { pending, refusal, run } = useAction();
  const kindLabel = translate(`cases.kind.${kind}`, { _: kind });
  const send = async () => {
    await run(async () => {
      await casesApi.requestDocument(caseId, kind, note.trim() || undefined);
      notify('cases.request.done', { type: 'success' });
      onClose();
      onDone();
    });
  };
  return (
    <FormDialog
      id="request-document-title"
      title={translate('cases.request.title', { kind: kindLabel })}
      intro={translate('cases.request.help')}
      refusal={refusal}
      pending={pending}
      onClose={onClose}
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
      submitLabel={translate('cases.request.confirm')}
      submitIcon={<AskIcon />}
      color="warning"
    >
      <TextField
        autoFocus
        name="note"
        label={translate('cases.decision.note')}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        helperText={translate('cases.request.note_help')}
        fullWidth
        multiline
        minRows={2}
        slotProps={{ htmlInput: { maxLength: 1000 } }}
      />
    </FormDialog>
  );
};

/**
 * The individual's address situation, changeable by the reviewer (or the agent who opened the case) while the case
 * is open: e.g. the documents show the customer moved. The checklist follows; the change is audited.
 */
const VariantSelect = ({ caseId, variant, onChanged }: { caseId: string; variant: string; onChanged?(): void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const { pending, refusal, run } = useAction();
  const change = async (next: string) => {
    if (next === variant) return;
    await run(async () => {
      await casesApi.setAddressVariant(caseId, next);
      notify('cases.checklist.variant_changed', { type: 'success' });
      onChanged?.();
    });
  };
  return (
    <Box sx={{ my: 1 }} data-testid="checklist-variant">
      <TextField
        select
        size="small"
        name="addressVariant"
        label={translate('cases.checklist.variant_field')}
        value={variant}
        disabled={pending}
        onChange={(event) => void change(event.target.value)}
        helperText={translate('cases.checklist.variant_help')}
        sx={{ minWidth: 280 }}
      >
        {ADDRESS_VARIANTS.map((v) => (
          <MenuItem key={v} value={v}>
            {translate(`cases.variant.${v}`)}
          </MenuItem>
        ))}
      </TextField>
      {refusal && (
        <Alert severity="error" role="alert" sx={{ mt: 1 }}>
          {refusal}
        </Alert>
      )}
    </Box>
  );
};
