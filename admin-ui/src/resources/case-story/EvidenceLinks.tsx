import { Box, Button, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import ZipIcon from '@mui/icons-material/FolderZipOutlined';
import { useCanAccess, useTranslate } from 'react-admin';
import { monospace } from '../../theme';
import { evidenceFileName, evidenceUrl, type StoryCase } from './api';

/** Each case's evidence bundle, as JSON or a zip with its documents and hashes; the server audits each export. */
export const EvidenceLinks = ({ cases }: { cases: StoryCase[] }) => {
  const { canAccess } = useCanAccess({ action: 'export', resource: 'audit-events' });
  const translate = useTranslate();
  if (!canAccess || !cases.length) return null;
  return (
    <Box component="ul" sx={{ m: 0, p: 0, display: 'grid', gap: 0.5 }} aria-label={translate('story.evidence.title')}>
      {cases.map((c) => (
        <Box component="li" key={c.id} sx={{ listStyle: 'none', display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
          <Typography variant="body2">
            {translate(`story.case.${c.kind}`)} <span style={{ fontFamily: monospace }}>{c.ref}</span>
          </Typography>
          <Button
            size="small"
            component="a"
            href={evidenceUrl(c, 'json')}
            download={evidenceFileName(c, 'json')}
            startIcon={<DownloadIcon />}
          >
            {translate('story.evidence.json')}
          </Button>
          <Button size="small" component="a" href={evidenceUrl(c, 'zip')} download={evidenceFileName(c, 'zip')} startIcon={<ZipIcon />}>
            {translate('story.evidence.zip')}
          </Button>
        </Box>
      ))}
    </Box>
  );
};
