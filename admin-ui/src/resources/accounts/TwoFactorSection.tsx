import { Alert, Card, CardContent, Chip, List, ListItem, ListItemIcon, ListItemText, Typography } from '@mui/material';
import AppIcon from '@mui/icons-material/PhonelinkLock';
import KeyIcon from '@mui/icons-material/Key';
import SmsIcon from '@mui/icons-material/Sms';
import PasswordIcon from '@mui/icons-material/Password';
import type { SvgIconComponent } from '@mui/icons-material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { formatDateTime } from '../../fields/UtcDateField';
import type { AccountDetail } from './types';
import { CallScript } from './CallScript';
import { Note } from '../../common/Note';

const icons: Record<string, SvgIconComponent> = {
  totp: AppIcon,
  security_key: KeyIcon,
  sms: SmsIcon,
  backup_codes: PasswordIcon,
};

/**
 * The 2FA methods the customer registered: what the agent needs for "my phone was stolen" (a backup code left?
 * another method?). Secrets are never on this side.
 */
export const TwoFactorSection = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const account = useRecordContext<AccountDetail>();
  if (!account) return null;
  const methods = account.twoFactorMethods ?? [];

  return (
    <Card component="section" aria-labelledby="two-factor-title">
      <CardContent>
        <Typography id="two-factor-title" variant="h6" component="h2" gutterBottom>
          {translate('rd.accounts.sections.two_factor')}{' '}
          <Chip
            size="small"
            variant="outlined"
            color={account.twoFactorEnabled ? 'success' : 'default'}
            label={translate(account.twoFactorEnabled ? 'rd.accounts.flags.two_factor_on' : 'rd.accounts.flags.two_factor_off')}
          />
        </Typography>
        {methods.length === 0 ? (
          <Note>{translate('rd.accounts.two_factor.none')}</Note>
        ) : (
          <List dense disablePadding>
            {methods.map((method) => {
              const Icon = icons[method.kind] ?? KeyIcon;
              const dates = [
                translate('rd.accounts.two_factor.created', { date: formatDateTime(method.createdAt, locale) }),
                method.lastUsedAt
                  ? translate('rd.accounts.two_factor.last_used', { date: formatDateTime(method.lastUsedAt, locale) })
                  : translate('rd.accounts.two_factor.never_used'),
              ];
              if (method.kind === 'backup_codes' && method.codesLeft !== null) {
                dates.push(translate('rd.accounts.two_factor.codes_left', { smart_count: method.codesLeft }));
              }
              return (
                <ListItem key={method.id} disableGutters>
                  <ListItemIcon sx={{ minWidth: 36 }}>
                    <Icon fontSize="small" />
                  </ListItemIcon>
                  <ListItemText
                    primary={`${translate(`rd.accounts.two_factor.kind.${method.kind}`, { _: method.kind })} — ${method.label}`}
                    secondary={dates.join(' · ')}
                  />
                </ListItem>
              );
            })}
          </List>
        )}
        {account.twoFactorReenrolRequired && (
          <Alert severity="warning" sx={{ mt: 1 }} data-testid="reenrol-2fa-required">
            {translate('rd.accounts.two_factor.reenrol_required')}
          </Alert>
        )}
        {account.twoFactorReenrolRequired && <CallScript step="twofa.reenrol" />}
        {methods.some((m) => m.kind === 'backup_codes' && m.codesLeft === 0) && (
          <Alert severity="info" sx={{ mt: 1 }}>
            {translate('rd.accounts.two_factor.no_codes_left')}
          </Alert>
        )}
      </CardContent>
    </Card>
  );
};
