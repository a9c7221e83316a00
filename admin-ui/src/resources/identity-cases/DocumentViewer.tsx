import { Alert, Box, Button, LinearProgress, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { useTranslate } from 'react-admin';
import { originalUrl, previewUrl } from './api';
import type { CaseDocument } from './types';
import { ImageViewer } from './ImageViewer';
import type { View } from './useView';

/**
 * What a reviewer sees of one document: the server's JPEG preview (re-encoded, metadata stripped) with zoom and
 * rotation done in the browser, and the original as a download (served as an attachment, never rendered here).
 * A PDF without a preview, or a file that failed processing, says so instead.
 */
export const DocumentViewer = ({ caseId, doc, kindLabel, view }: { caseId: string; doc: CaseDocument; kindLabel: string; view: View }) => {
  const translate = useTranslate();
  if (doc.state === 'rejected' || doc.state === 'quarantined') {
    return (
      <Alert severity="error" sx={{ height: '100%' }}>
        {translate('cases.viewer.unusable', { note: doc.processingNote ?? doc.state })}
      </Alert>
    );
  }
  if (doc.state === 'failed') {
    return (
      <Alert severity="warning" sx={{ height: '100%' }}>
        {translate('cases.viewer.processing_failed')}
      </Alert>
    );
  }
  if (doc.state !== 'processed') {
    return (
      <Box sx={{ p: 2, bgcolor: 'action.hover', borderRadius: 1 }} role="status">
        <Typography variant="body2" sx={{ mb: 1 }}>
          {translate('cases.viewer.not_ready')}
        </Typography>
        <LinearProgress />
      </Box>
    );
  }
  const download = (
    <Button
      component="a"
      href={originalUrl(caseId, doc.id)}
      download={doc.name}
      size="small"
      startIcon={<DownloadIcon />}
      // The server answers with Content-Disposition: attachment; no new tab, no referrer.
      rel="noreferrer"
    >
      {translate('cases.viewer.download')}
    </Button>
  );
  if (!doc.hasPreview) {
    return (
      <Box sx={{ p: 2, bgcolor: 'action.hover', borderRadius: 1 }}>
        <Typography variant="body2" sx={{ mb: 1 }}>
          {translate('cases.viewer.no_preview')}
        </Typography>
        {download}
      </Box>
    );
  }
  return (
    <ImageViewer
      src={previewUrl(caseId, doc.id)}
      alt={translate('cases.viewer.alt', { kind: kindLabel, name: doc.name })}
      label={translate('cases.viewer.label', { name: doc.name })}
      download={download}
      view={view}
    />
  );
};
