import { Box, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import KeyboardIcon from '@mui/icons-material/Keyboard';
import { useTranslate } from 'react-admin';
import { KEYS } from './reviewKeys';

const Kbd = ({ children }: { children: string }) => (
  <Box
    component="kbd"
    sx={{
      fontFamily: 'inherit',
      fontSize: '0.85em',
      px: 0.75,
      py: 0.25,
      border: 1,
      borderColor: 'divider',
      borderRadius: 0.5,
      bgcolor: 'action.hover',
    }}
  >
    {children}
  </Box>
);

/** The button that opens the help, beside the documents' heading (the `?` key opens it too). */
export const ShortcutButton = ({ onClick }: { onClick(): void }) => {
  const translate = useTranslate();
  return (
    <Button
      size="small"
      startIcon={<KeyboardIcon />}
      onClick={onClick}
      aria-label={translate('cases.keys.button_label')}
      aria-keyshortcuts="?"
    >
      {translate('cases.keys.button')}
    </Button>
  );
};

/** Every key of the review console, and the form's own (send, close), in the console's language. */
export const ShortcutHelp = ({ open, onClose }: { open: boolean; onClose(): void }) => {
  const translate = useTranslate();
  const rows = [
    ...KEYS.map(({ keys, label }) => ({ keys, label: translate(`cases.keys.${label}`) })),
    { keys: ['Ctrl ↵'], label: translate('cases.keys.submit') },
    { keys: ['Esc'], label: translate('cases.keys.cancel') },
  ];
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby="shortcut-help-title" maxWidth="sm" fullWidth>
      <DialogTitle id="shortcut-help-title">{translate('cases.keys.title')}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{translate('cases.keys.intro')}</DialogContentText>
        <Box
          component="dl"
          sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 1, m: 0 }}
          data-testid="shortcut-list"
        >
          {rows.map((row) => (
            <Box key={row.label} sx={{ display: 'contents' }}>
              <Box component="dt">
                {row.keys.map((k) => (
                  <Kbd key={k}>{k}</Kbd>
                ))}
              </Box>
              <Box component="dd" sx={{ m: 0 }}>
                {row.label}
              </Box>
            </Box>
          ))}
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} autoFocus>
          {translate('cases.keys.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
