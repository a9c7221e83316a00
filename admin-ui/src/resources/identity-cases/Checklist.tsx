import { Box, Card, CardContent, Chip, Link, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { CaseDetail, ItemStatus } from './types';

type ChipColor = 'default' | 'info' | 'warning' | 'success' | 'error' | 'primary';

const itemColors: Record<ItemStatus, ChipColor> = {
  missing: 'default',
  processing: 'info',
  to_review: 'warning',
  accepted: 'success',
  rejected: 'error',
  unusable: 'error',
};

/** The identity back counts like the server does: once sent, it must be accepted too. */
function backStatus(record: CaseDetail): ItemStatus | null {
  const backs = record.documents.filter(doc => doc.kind === 'identity_back');
  if (!backs.length) return null;
  if (backs.some(doc => doc.decision === 'rejected')) return 'rejected';
  if (backs.every(doc => doc.decision === 'accepted')) return 'accepted';
  if (backs.some(doc => doc.state === 'processed')) return 'to_review';
  if (backs.every(doc => doc.state === 'rejected' || doc.state === 'quarantined')) return 'unusable';
  return 'processing';
}

const scrollTo = (documentId: string) =>
  document.getElementById(`document-${documentId}`)?.scrollIntoView({ behavior: 'smooth', block: 'start' });

/** The provider's required documents for this account type, each with where it stands. */
export const Checklist = ({ record }: { record: CaseDetail }) => {
  const translate = useTranslate();
  const back = backStatus(record);
  const items = [
    ...record.checklist,
    ...(back ? [{ kind: 'identity_back', status: back, documentIds: record.documents.filter(d => d.kind === 'identity_back').map(d => d.id) }] : []),
  ];
  return (
    <Card component="section" aria-labelledby="case-checklist-title">
      <CardContent>
        <Typography id="case-checklist-title" variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
          {translate('cases.checklist.title')}
        </Typography>
        <Typography variant="body2" sx={{ mb: 0.5 }}>
          {translate(`cases.checklist.rule.${record.accountType}`, { _: record.accountType })}
        </Typography>
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1.5 }}>
          {translate('cases.checklist.common')}
        </Typography>
        <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 1 }} data-testid="case-checklist">
          {items.map(item => (
            <Box
              component="li"
              key={item.kind}
              data-kind={item.kind}
              data-status={item.status}
              sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 1 }}
            >
              {item.documentIds.length ? (
                <Link component="button" type="button" variant="body2" onClick={() => scrollTo(item.documentIds[0])} sx={{ textAlign: 'left' }}>
                  {translate(`cases.kind.${item.kind}`, { _: item.kind })}
                </Link>
              ) : (
                <Typography variant="body2">{translate(`cases.kind.${item.kind}`, { _: item.kind })}</Typography>
              )}
              <Chip
                size="small"
                color={itemColors[item.status] ?? 'default'}
                variant={item.status === 'accepted' || item.status === 'rejected' ? 'filled' : 'outlined'}
                label={translate(`cases.checklist.item_status.${item.status}`, { _: item.status })}
              />
            </Box>
          ))}
        </Box>
        {!back && record.checklist.some(item => item.kind === 'identity_front' && item.documentIds.length > 0) && (
          <Typography variant="body2" color="warning.dark" sx={{ mt: 1.5 }} data-testid="no-identity-back">
            {translate('cases.checklist.no_back')}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
};
