import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Box, Button, Card, CardContent, CircularProgress, MenuItem, TextField, Typography } from '@mui/material';
import KeyIcon from '@mui/icons-material/Key';
import SaveIcon from '@mui/icons-material/Save';
import { Title, useNotify, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { apiErrorOf, apiFetch } from '../providers/http';

/** The countries the provider serves first, then a few neighbours; the server accepts any country code. */
const REGIONS = ['FR', 'BE', 'CH', 'GB', 'DE', 'ES', 'IT', 'NL', 'PT', 'LU', 'IE', 'PL', 'CA', 'US'] as const;

interface Settings {
  phoneRegion: string | null;
  defaultPhoneRegion: string;
}

/**
 * Each staff member's own settings (`/api/my-settings`, audited): the country national phone numbers typed in
 * the search box are read in first.
 */
export const MySettingsPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [region, setRegion] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    apiFetch('/my-settings')
      .then(({ json }) => {
        setSettings(json as Settings);
        setRegion((json as Settings).phoneRegion ?? '');
      })
      .catch((e) => setError(apiErrorOf(e).message));
  }, []);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      // An empty value is the desk's default (the API drops null fields as absent).
      const { json } = await apiFetch('/my-settings', { method: 'PATCH', body: JSON.stringify({ phoneRegion: region }) });
      setSettings(json as Settings);
      notify('desk.settings.saved', { type: 'info' });
    } catch (e) {
      const problem = apiErrorOf(e);
      setError(problem.errors.phoneRegion ?? problem.message);
    } finally {
      setPending(false);
    }
  };

  const regionName = (code: string) => translate(`desk.settings.regions.${code}`, { _: code });
  return (
    <Card sx={{ mt: 2, maxWidth: 640 }} component="section" aria-labelledby="my-settings-title">
      <Title title={translate('desk.settings.title')} />
      <CardContent>
        <Typography id="my-settings-title" variant="h6" component="h1" sx={{ mb: 2 }}>
          {translate('desk.settings.title')}
        </Typography>
        {error && (
          <Alert severity="error" role="alert" sx={{ mb: 2 }}>
            {error}
          </Alert>
        )}
        {!settings && !error && <CircularProgress />}
        {settings && (
          <Box component="form" onSubmit={save} noValidate sx={{ display: 'grid', gap: 2 }}>
            <TextField
              select
              name="phoneRegion"
              id="phone-region"
              label={translate('desk.settings.phone_region')}
              helperText={translate('desk.settings.phone_region_help')}
              value={region}
              onChange={(event) => setRegion(event.target.value)}
            >
              <MenuItem value="">{translate('desk.settings.default_region', { region: regionName(settings.defaultPhoneRegion) })}</MenuItem>
              {REGIONS.map((code) => (
                <MenuItem key={code} value={code}>
                  {regionName(code)}
                </MenuItem>
              ))}
            </TextField>
            <Box>
              <Button
                type="submit"
                variant="contained"
                disabled={pending}
                startIcon={pending ? <CircularProgress size={16} color="inherit" /> : <SaveIcon />}
              >
                {translate('desk.settings.save')}
              </Button>
            </Box>
          </Box>
        )}
        <Box sx={{ mt: 3 }}>
          <Button component={Link} to="/my-settings/security-keys" variant="outlined" startIcon={<KeyIcon />}>
            {translate('security_keys.page.link')}
          </Button>
        </Box>
      </CardContent>
    </Card>
  );
};
