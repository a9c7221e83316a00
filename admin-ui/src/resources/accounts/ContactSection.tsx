import { useEffect, useRef } from 'react';
import { Alert, Box, Button, Card, CardContent, Chip, Typography } from '@mui/material';
import LockIcon from '@mui/icons-material/Lock';
import VisibilityOffIcon from '@mui/icons-material/VisibilityOff';
import { useRecordContext, useTranslate } from 'react-admin';
import { monospace } from '../../theme';
import { useCall } from './CallContext';
import { Item, MaskedText } from './fields';
import type { AccountDetail } from './types';
import { UnmaskButton } from './UnmaskButton';

const CONTACT_FIELDS = ['primaryEmail', 'backupEmail', 'phone', 'addressLine', 'postalCode', 'city', 'country'] as const;

/**
 * The contact data, masked as the server sends it. After an unmask, the full values replace the masked ones,
 * on a coloured ground and with a note saying the access is recorded; they go with the call.
 */
export const ContactSection = () => {
  const translate = useTranslate();
  const account = useRecordContext<AccountDetail>();
  const call = useCall();
  const heading = useRef<HTMLHeadingElement>(null);
  const full = call.unmasked;
  // The unmask button goes away with its dialog: focus moves to what it revealed.
  useEffect(() => {
    if (full) heading.current?.focus();
  }, [full]);
  if (!account) return null;

  return (
    <Card
      component="section"
      aria-labelledby="contact-title"
      sx={full ? { outline: 2, outlineColor: 'warning.main', bgcolor: 'rgba(237, 108, 2, 0.04)' } : undefined}
    >
      <CardContent>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap', mb: 1 }}>
          <Typography id="contact-title" variant="h6" component="h2" ref={heading} tabIndex={-1} sx={{ outline: 'none' }}>
            {translate('rd.accounts.sections.contact')}
          </Typography>
          {full ? (
            <Chip size="small" color="warning" label={translate('rd.accounts.contact.unmasked')} />
          ) : (
            <Chip size="small" variant="outlined" icon={<LockIcon />} label={translate('rd.accounts.contact.masked')} />
          )}
          <Box sx={{ flex: 1 }} />
          {full ? (
            <Button size="small" startIcon={<VisibilityOffIcon />} onClick={() => call.setUnmasked(null)}>
              {translate('rd.accounts.contact.hide')}
            </Button>
          ) : (
            <UnmaskButton />
          )}
        </Box>
        {full && (
          <Alert severity="warning" sx={{ mb: 2 }}>
            {translate('rd.accounts.contact.unmasked_note', {
              callRef: call.verification?.callReference ?? '',
            })}
          </Alert>
        )}
        <Box data-masked={full ? 'false' : 'true'} sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}>
          {CONTACT_FIELDS.map((name) => (
            <Item key={name} label={translate(`resources.accounts.fields.${name}`)}>
              {full ? (
                <MaskedText value={full[name]} full />
              ) : name === 'city' || name === 'country' ? (
                <Typography component="span" variant="body2">
                  {account[name]}
                </Typography>
              ) : (
                <MaskedText value={account[name]} />
              )}
            </Item>
          ))}
        </Box>
        {!full && (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1.5 }}>
            {translate('rd.accounts.contact.masked_note')}
          </Typography>
        )}
        {full && (
          <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 1, fontFamily: monospace }}>
            {full.customerId}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
};
