import { Drawer } from '@mui/material';
import { AuditEventDetail } from './AuditEventDetail';
import type { AuditEvent } from './types';

/** The entry clicked in the list, beside it: the table stays in view and in the URL. */
export const AuditEventDrawer = ({ entry, onClose }: { entry: AuditEvent | null; onClose(): void }) => (
  <Drawer anchor="right" open={entry !== null} onClose={onClose} slotProps={{ paper: { sx: { width: { xs: '100%', sm: 520 } } } }}>
    {entry && <AuditEventDetail entry={entry} onClose={onClose} />}
  </Drawer>
);
