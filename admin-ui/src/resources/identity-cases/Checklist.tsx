import { Box, Card, CardContent, Chip, Link, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { CaseDetail, ItemStatus } from './types';

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
export const Checklist = ({ record }: { record: CaseDetail }) => {
  const translate = useTranslate();
  const items = record.checklist;
  const variant = record.accountType === 'individual' ? record.addressVariant ?? 'standard' : null;
  const label = (item: (typeof items)[number]) =>
    item.kind === 'identity_front'
      ? item.identityType
        ? translate('cases.checklist.identity_typed', { type: translate(`cases.identity_type.${item.identityType}`, { _: item.identityType }) })
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
        {variant && (
          <Typography variant="body2" sx={{ mb: 0.5 }} data-testid="checklist-variant">
            <strong>{translate('cases.checklist.variant_label')}</strong> {translate(`cases.variant.${variant}`, { _: variant })}
          </Typography>
        )}
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
              <Box sx={{ minWidth: 0 }}>
                {item.documentIds.length ? (
                  <Link component="button" type="button" variant="body2" onClick={() => scrollTo(item.documentIds[0])} sx={{ textAlign: 'left' }}>
                    {label(item)}
                  </Link>
                ) : (
                  <Typography variant="body2">{label(item)}</Typography>
                )}
                {item.documentIds.length > 0 && (item.missing ?? []).length > 0 && (
                  <Typography variant="caption" color="warning.dark" component="p" data-testid="checklist-missing">
                    {(item.missing ?? []).map(kind => translate(`cases.checklist.missing_part.${kind}`, { _: translate(`cases.kind.${kind}`, { _: kind }) })).join(', ')}
                  </Typography>
                )}
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
      </CardContent>
    </Card>
  );
};
