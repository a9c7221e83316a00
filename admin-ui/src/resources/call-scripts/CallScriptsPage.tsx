import { useState, type FormEvent } from 'react';
import { Alert, Box, Button, Card, CardContent, Chip, CircularProgress, TextField, Typography } from '@mui/material';
import SaveIcon from '@mui/icons-material/Save';
import RestoreIcon from '@mui/icons-material/Restore';
import { Title, useCanAccess, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { apiErrorOf } from '../../providers/http';
import { formatDateTime } from '../../fields/UtcDateField';
import {
  fillScript,
  SCRIPT_LANGUAGES,
  useCallScripts,
  useSaveCallScript,
  type CallScriptRecord,
  type ScriptLanguage,
} from '../accounts/callScripts';

/** Sample values for the preview: what an agent would see on a call. */
const SAMPLE: Record<string, string> = {
  maskedAddress: 'p***@e***.org',
  customerId: 'ab12345-ovh',
  time: '14:05',
};

/**
 * What agents read to callers, step by step: supervisors rewrite the French and English sentences side by side,
 * with a preview filled with sample values. Everyone else who may read them sees them read-only.
 */
export const CallScriptsPage = () => {
  const translate = useTranslate();
  const { data, error, isPending } = useCallScripts();
  const { canAccess: canEdit } = useCanAccess({ action: 'edit', resource: 'call-scripts' });
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={translate('calls.scripts.title')} />
      <Typography variant="h5" component="h1" gutterBottom>
        {translate('calls.scripts.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {translate(canEdit ? 'calls.scripts.intro_edit' : 'calls.scripts.intro_read')}
      </Typography>
      {isPending && <CircularProgress size={24} />}
      {error && <Alert severity="error">{translate('calls.home.failed', { message: apiErrorOf(error).message })}</Alert>}
      {data && (
        <Box sx={{ display: 'grid', gap: 2 }}>
          {data.data.map((script) => (
            <ScriptEditor key={script.key} script={script} sender={data.sender} canEdit={Boolean(canEdit)} />
          ))}
        </Box>
      )}
    </Box>
  );
};

const ScriptEditor = ({ script, sender, canEdit }: { script: CallScriptRecord; sender: string; canEdit: boolean }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const save = useSaveCallScript();
  const [texts, setTexts] = useState(script.texts);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  // Follows the saved value by adjusting state during render (React's pattern), not in an effect.
  const [savedTexts, setSavedTexts] = useState(script.texts);
  if (savedTexts !== script.texts) {
    setSavedTexts(script.texts);
    setTexts(script.texts);
  }
  const changed = SCRIPT_LANGUAGES.some((l) => texts[l] !== script.texts[l]);
  const title = translate(`calls.steps.${script.key}`, { _: script.key });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setErrors({});
    try {
      await save(script.key, texts);
      notify('calls.scripts.saved', { type: 'info', messageArgs: { step: title } });
    } catch (failure) {
      const problem = apiErrorOf(failure);
      const message = problem.message;
      setErrors(Object.fromEntries(Object.entries(problem.errors).map(([field, text]) => [field, `${message} (${text})`])));
      notify(message, { type: 'error' });
    } finally {
      setPending(false);
    }
  };

  return (
    <Card component="section" aria-label={title} data-script-editor={script.key}>
      <CardContent component="form" onSubmit={submit} noValidate>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap', mb: 1 }}>
          <Typography variant="subtitle1" component="h2" sx={{ flex: '1 1 auto' }}>
            {title}
          </Typography>
          {script.placeholders.length === 0 ? (
            <Typography variant="caption" color="text.secondary">
              {translate('calls.scripts.no_placeholders')}
            </Typography>
          ) : (
            script.placeholders.map((p) => (
              <Chip
                key={p}
                size="small"
                variant="outlined"
                label={`{${p}}`}
                title={translate(`calls.scripts.placeholder.${p}`, { _: p })}
              />
            ))
          )}
        </Box>
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2 }}>
          {SCRIPT_LANGUAGES.map((language: ScriptLanguage) => (
            <Box key={language}>
              <TextField
                name={`${script.key}.${language}`}
                label={translate(`calls.script.language_${language}`)}
                value={texts[language]}
                onChange={(e) => setTexts((current) => ({ ...current, [language]: e.target.value }))}
                multiline
                minRows={2}
                fullWidth
                disabled={!canEdit}
                error={Boolean(errors[language])}
                helperText={errors[language] ?? `${texts[language].length} / 600`}
                slotProps={{ htmlInput: { lang: language, maxLength: 600 } }}
              />
              <Typography
                variant="body2"
                lang={language}
                sx={{ mt: 0.5, p: 1, bgcolor: 'action.hover', borderRadius: 1 }}
                data-preview={language}
              >
                <Box component="span" sx={{ fontWeight: 600, mr: 0.5 }}>
                  {translate('calls.scripts.preview')}
                </Box>
                {fillScript(texts[language], { ...SAMPLE, sender })}
              </Typography>
            </Box>
          ))}
        </Box>
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', mt: 1.5, flexWrap: 'wrap' }}>
          <Typography variant="caption" color="text.secondary" sx={{ flex: '1 1 auto' }}>
            {script.updatedBy && script.updatedAt
              ? translate('calls.scripts.updated', { who: script.updatedBy, date: formatDateTime(script.updatedAt, locale) })
              : translate('calls.scripts.default')}
          </Typography>
          {canEdit && (
            <>
              <Button
                startIcon={<RestoreIcon />}
                onClick={() => setTexts(script.defaults)}
                disabled={pending || SCRIPT_LANGUAGES.every((l) => texts[l] === script.defaults[l])}
              >
                {translate('calls.scripts.restore')}
              </Button>
              <Button
                type="submit"
                variant="contained"
                startIcon={pending ? <CircularProgress size={16} color="inherit" /> : <SaveIcon />}
                disabled={pending || !changed}
              >
                {translate('calls.scripts.save')}
              </Button>
            </>
          )}
        </Box>
      </CardContent>
    </Card>
  );
};
