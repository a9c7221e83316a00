import { Box, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import RecordVoiceOverIcon from '@mui/icons-material/RecordVoiceOver';
import { useCanAccess, useTranslate } from 'react-admin';
import { fillScript, SCRIPT_LANGUAGES, useCallLanguage, useCallScripts } from './callScripts';

interface Props {
  /** The step of the call, e.g. `code.send_primary_email`. */
  step: string;
  /** The call's values for the step's placeholders; `{sender}` is filled from the server's mail sender. */
  values?: Record<string, string | null | undefined>;
}

/**
 * "Say: …": the sentence a supervisor wrote for this step, in the call's language, with the call's values in it.
 * Renders nothing while the sentences load or if the step has none.
 */
export const CallScript = ({ step, values = {} }: Props) => {
  const translate = useTranslate();
  const [language] = useCallLanguage();
  // Reviewers see the timeline too, but have no call to speak on: they are not asked for the sentences.
  const { canAccess } = useCanAccess({ action: 'list', resource: 'call-scripts' });
  const { data } = useCallScripts(canAccess === true);
  const script = data?.data.find((s) => s.key === step);
  if (!canAccess || !data || !script) return null;
  const text = fillScript(script.texts[language], { sender: data.sender, ...values });
  return (
    <Box
      role="note"
      aria-label={translate('calls.script.label')}
      data-script={step}
      lang={language}
      sx={{
        display: 'flex',
        gap: 1,
        alignItems: 'flex-start',
        mt: 1,
        p: 1,
        borderLeft: 3,
        borderColor: 'info.main',
        bgcolor: 'action.hover',
        borderRadius: 1,
      }}
    >
      <RecordVoiceOverIcon fontSize="small" color="info" sx={{ mt: 0.25 }} aria-hidden />
      <Typography variant="body2">
        <Box component="span" sx={{ fontWeight: 600, mr: 0.5 }}>
          {translate('calls.script.say')}
        </Box>
        <q>{text}</q>
      </Typography>
    </Box>
  );
};

/** FR | EN: the language the agent speaks on this call (the account's by default). */
export const CallLanguageSwitch = () => {
  const translate = useTranslate();
  const [language, setLanguage] = useCallLanguage();
  return (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={language}
      onChange={(_, next) => next && setLanguage(next)}
      aria-label={translate('calls.script.language')}
    >
      {SCRIPT_LANGUAGES.map((l) => (
        <ToggleButton key={l} value={l} lang={l} aria-label={translate(`calls.script.call_in_${l}`)}>
          {l.toUpperCase()}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
};
