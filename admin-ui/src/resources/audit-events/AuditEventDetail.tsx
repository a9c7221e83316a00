import type { ReactNode } from 'react';
import { Box, IconButton, Stack, Typography } from '@mui/material';
import CloseIcon from '@mui/icons-material/Close';
import { RecordContextProvider, useTranslate } from 'react-admin';
import { CodeField } from '../../fields/CodeField';
import { EnumField } from '../../fields/EnumField';
import { JsonField } from '../../fields/JsonField';
import { UtcDateField } from '../../fields/UtcDateField';
import { AuditActionField, OutcomeField } from './fields';
import { SubjectLinks } from './SubjectLinks';
import { TargetField } from './TargetField';
import type { AuditEvent } from './types';

const Row = ({ label, children }: { label: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: '9rem 1fr', gap: 1, alignItems: 'baseline' }}>
      <Typography variant="body2" color="text.secondary">
        {translate(`audit_ex.drawer.${label}`)}
      </Typography>
      <Box sx={{ minWidth: 0 }}>{children}</Box>
    </Box>
  );
};

/** An entry in full: who, what, about whom (with links), where from, before/after and hashes; no UUID is shown. */
export const AuditEventDetail = ({ entry, onClose }: { entry: AuditEvent; onClose?: () => void }) => {
  const translate = useTranslate();
  const dash = translate('audit_ex.drawer.nothing');
  return (
    <RecordContextProvider value={entry}>
      <Box component="section" aria-labelledby="audit-drawer-title" sx={{ p: 2, display: 'grid', gap: 1.5 }}>
        <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
          <Typography id="audit-drawer-title" variant="h6" component="h2">
            {translate('audit_ex.drawer.title')} — {translate('audit_ex.drawer.entry', { id: entry.id })}
          </Typography>
          {onClose && (
            <IconButton onClick={onClose} aria-label={translate('audit_ex.drawer.close')}>
              <CloseIcon />
            </IconButton>
          )}
        </Stack>
        <Row label="at">
          <UtcDateField source="at" />
        </Row>
        <Row label="actor">{entry.actorEmail ?? translate('audit_ex.target.system')}</Row>
        <Row label="roles">
          <EnumField source="actorRoles" prefix="rd.roles" emptyText={dash} />
        </Row>
        <Row label="action">
          <AuditActionField source="action" />
        </Row>
        <Row label="outcome">
          <OutcomeField source="outcome" />
        </Row>
        <Row label="target">
          <TargetField />
        </Row>
        <SubjectLinks entry={entry} />
        <Row label="reason">{entry.reason ?? dash}</Row>
        <Row label="ip">
          <CodeField source="ip" emptyText={dash} />
        </Row>
        <Row label="requestId">
          <CodeField source="requestId" emptyText={dash} />
        </Row>
        <Typography variant="subtitle2">{translate('audit_ex.drawer.before')}</Typography>
        <JsonField source="before" />
        <Typography variant="subtitle2">{translate('audit_ex.drawer.after')}</Typography>
        <JsonField source="after" />
        <Row label="prevHash">
          <CodeField source="prevHash" />
        </Row>
        <Row label="hash">
          <CodeField source="hash" />
        </Row>
      </Box>
    </RecordContextProvider>
  );
};
