import { Button, Tooltip } from '@mui/material';
import DownloadIcon from '@mui/icons-material/FileDownloadOutlined';
import { useCanAccess, useListContext, useTranslate } from 'react-admin';
import { auditExportUrl } from '../../supervision/api';

/**
 * "Export CSV": a plain same-origin link to `GET /api/audit-events/export` with the list's current filters.
 * The server streams the file as an attachment (with the session cookie) and audits the export.
 */
export const ExportCsvButton = () => {
  const { canAccess } = useCanAccess({ action: 'export', resource: 'audit-events' });
  const { filterValues } = useListContext();
  const translate = useTranslate();
  if (!canAccess) return null;
  return (
    <Tooltip title={translate('sup.audit.export_hint')} describeChild>
      <Button size="small" component="a" href={auditExportUrl(filterValues ?? {})} download startIcon={<DownloadIcon />}>
        {translate('sup.audit.export')}
      </Button>
    </Tooltip>
  );
};
