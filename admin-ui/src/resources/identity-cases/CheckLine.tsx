import { Box, Typography } from '@mui/material';
import OkIcon from '@mui/icons-material/CheckCircle';
import WarnIcon from '@mui/icons-material/Error';

/** One live verdict under a field: green when it holds, red when it does not, grey while asked. */
export const CheckLine = ({ ok, children, testId }: { ok: boolean | null; children: string; testId: string }) => (
  <Box
    role="status"
    data-testid={testId}
    data-ok={ok === null ? undefined : String(ok)}
    sx={{ display: 'flex', alignItems: 'center', gap: 0.75, mt: -1, mb: 2 }}
  >
    {ok !== null && (ok ? <OkIcon color="success" fontSize="small" /> : <WarnIcon color="error" fontSize="small" />)}
    <Typography variant="body2" color={ok === null ? 'text.secondary' : ok ? 'success.main' : 'error.main'}>
      {children}
    </Typography>
  </Box>
);
