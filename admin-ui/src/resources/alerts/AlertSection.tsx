import { Box, Stack, Typography } from '@mui/material';
import { type AlertRecord } from '../../supervision/api';
import { AlertCard } from './AlertCard';

interface Props {
  id: string;
  title: string;
  empty: string;
  alerts: AlertRecord[];
  onAcknowledge?: (alert: AlertRecord) => void;
  selected?: ReadonlySet<string>;
  onSelect?: (alert: AlertRecord, selected: boolean) => void;
}

export const AlertSection = ({ id, title, empty, alerts, onAcknowledge, selected, onSelect }: Props) => (
  <Box component="section" aria-labelledby={id}>
    <Typography id={id} variant="h6" component="h2" sx={{ mb: 1 }}>
      {title}
    </Typography>
    {alerts.length === 0 ? (
      <Typography color="text.secondary">{empty}</Typography>
    ) : (
      <Stack spacing={1.5} component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
        {alerts.map((alert) => (
          <AlertCard key={alert.id} alert={alert} onAcknowledge={onAcknowledge} selected={selected?.has(alert.id)} onSelect={onSelect} />
        ))}
      </Stack>
    )}
  </Box>
);
