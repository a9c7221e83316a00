import { useState } from 'react';
import { Alert, AlertTitle, Box, Button, IconButton, Tooltip, Typography } from '@mui/material';
import CopyIcon from '@mui/icons-material/ContentCopy';
import { useTranslate } from 'react-admin';
import { monospace } from '../../theme';

/** One secret, shown as is, with a copy button. */
const Secret = ({ label, value }: { label: string; value: string }) => {
  const translate = useTranslate();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      // No clipboard (insecure context): the value is selectable on screen anyway.
    }
  };
  return (
    <Box sx={{ display: 'grid', gap: 0.25 }}>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <Box
          component="code"
          aria-label={label}
          sx={{ fontFamily: monospace, fontSize: '0.95rem', p: 1, bgcolor: 'background.paper', border: 1, borderColor: 'divider', borderRadius: 1, overflowWrap: 'anywhere', userSelect: 'all', flex: 1 }}
        >
          {value}
        </Box>
        <Tooltip title={translate(copied ? 'sup.staff.copied' : 'sup.staff.copy')}>
          <IconButton onClick={copy} aria-label={`${translate('sup.staff.copy')}: ${label}`}>
            <CopyIcon fontSize="small" />
          </IconButton>
        </Tooltip>
      </Box>
    </Box>
  );
};

/** Credentials the server returns once (creation, second-factor reset): shown now, with a clear warning. */
export const OneTimeCredentials = ({
  title,
  initialPassword,
  totpSecret,
  totpUri,
  onDone,
}: {
  title: string;
  initialPassword?: string;
  totpSecret: string;
  totpUri: string;
  onDone?: () => void;
}) => {
  const translate = useTranslate();
  return (
    <Alert severity="warning" variant="outlined" role="region" aria-label={title} sx={{ '& .MuiAlert-message': { width: '100%' } }}>
      <AlertTitle>{title}</AlertTitle>
      <Typography variant="body2" sx={{ fontWeight: 600, mb: 1.5 }}>
        {translate('sup.staff.once_warning')}
      </Typography>
      <Box sx={{ display: 'grid', gap: 1.5 }}>
        {initialPassword && <Secret label={translate('sup.staff.initial_password')} value={initialPassword} />}
        <Secret label={translate('sup.staff.totp_secret')} value={totpSecret} />
        <Secret label={translate('sup.staff.totp_uri')} value={totpUri} />
      </Box>
      {onDone && (
        <Button variant="contained" color="warning" sx={{ mt: 2 }} onClick={onDone}>
          {translate('sup.staff.done_seen')}
        </Button>
      )}
    </Alert>
  );
};
