import { Box, Chip, Tooltip, Typography } from '@mui/material';
import DoneIcon from '@mui/icons-material/Check';
import { useTranslate } from 'react-admin';
import { monospace } from '../../theme';
import { PROCESSING_STEPS, type CaseDocument } from './types';

const Fact = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <>
    <Typography component="dt" variant="body2" color="text.secondary">
      {label}
    </Typography>
    <Typography component="dd" variant="body2" sx={{ m: 0, minWidth: 0 }}>
      {children}
    </Typography>
  </>
);

/** What the processing pipeline found: state, scan verdict, hash, type, size or pages, PDF flags. */
export const DocumentFacts = ({ doc }: { doc: CaseDocument }) => {
  const translate = useTranslate();
  const none = translate('cases.meta.none');
  const isPdf = doc.detectedType === 'application/pdf';
  return (
    <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', columnGap: 2, rowGap: 0.75, m: 0 }}>
      <Fact label={translate('cases.meta.state')}>
        <ProcessingState doc={doc} />
      </Fact>
      <Fact label={translate('cases.meta.scan')}>
        {doc.scanVerdict ? (
          <Chip
            size="small"
            variant="outlined"
            color={doc.scanVerdict === 'clean' ? 'success' : doc.scanVerdict === 'not_configured' ? 'default' : 'error'}
            label={translate(`cases.scan.${doc.scanVerdict}`, { _: doc.scanVerdict })}
          />
        ) : (
          translate('cases.scan.pending')
        )}
      </Fact>
      <Fact label={translate('cases.meta.sha256')}>
        {doc.sha256 ? (
          <Tooltip title={translate('cases.meta.copy', { hash: doc.sha256 })}>
            <Box component="span" sx={{ fontFamily: monospace }} data-testid="document-sha256">
              {doc.sha256.slice(0, 12)}…
            </Box>
          </Tooltip>
        ) : (
          '—'
        )}
      </Fact>
      <Fact label={translate('cases.meta.type')}>
        <Box component="span" sx={{ fontFamily: monospace }}>
          {doc.detectedType ?? '—'}
        </Box>
      </Fact>
      {isPdf ? (
        <>
          <Fact label={translate('cases.meta.pages')}>{doc.pdfPages ?? '—'}</Fact>
          <Fact label={translate('cases.meta.pdf_flags')}>
            {doc.pdfFlags.length ? (
              <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }}>
                {doc.pdfFlags.map((flag) => (
                  <Chip key={flag} size="small" color="warning" label={translate(`cases.pdf_flags.${flag}`, { _: flag })} />
                ))}
              </Box>
            ) : (
              none
            )}
          </Fact>
        </>
      ) : (
        doc.width !== null &&
        doc.height !== null && <Fact label={translate('cases.meta.dimensions')}>{`${doc.width} × ${doc.height} px`}</Fact>
      )}
    </Box>
  );
};

/** uploaded → typed → hashed → scanned → processed, or the final refusal with its note. */
const ProcessingState = ({ doc }: { doc: CaseDocument }) => {
  const translate = useTranslate();
  if (doc.state === 'rejected' || doc.state === 'quarantined' || doc.state === 'failed') {
    return (
      <Box>
        <Chip size="small" color="error" label={translate(`cases.state.${doc.state}`)} data-testid="document-state" />
        {doc.processingNote && (
          <Typography variant="body2" color="error" sx={{ mt: 0.5 }}>
            {doc.processingNote}
          </Typography>
        )}
      </Box>
    );
  }
  const reached = PROCESSING_STEPS.indexOf(doc.state);
  return (
    <Box
      component="ol"
      sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, listStyle: 'none', p: 0, m: 0 }}
      data-testid="document-state"
      data-state={doc.state}
    >
      {PROCESSING_STEPS.map((step, index) => {
        const done = index <= reached;
        const current = index === reached;
        return (
          <Box component="li" key={step} aria-current={current ? 'step' : undefined}>
            <Chip
              size="small"
              variant={current ? 'filled' : 'outlined'}
              color={done ? (step === 'processed' ? 'success' : 'primary') : 'default'}
              icon={done && !current ? <DoneIcon /> : undefined}
              label={translate(`cases.state.${step}`)}
              sx={{ opacity: done ? 1 : 0.55 }}
            />
          </Box>
        );
      })}
    </Box>
  );
};
