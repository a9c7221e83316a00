import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Alert, Box, IconButton, Tooltip, Typography } from '@mui/material';
import ZoomInIcon from '@mui/icons-material/ZoomIn';
import ZoomOutIcon from '@mui/icons-material/ZoomOut';
import FitIcon from '@mui/icons-material/FitScreen';
import RotateLeftIcon from '@mui/icons-material/RotateLeft';
import RotateRightIcon from '@mui/icons-material/RotateRight';
import { useTranslate } from 'react-admin';
import { MAX_ZOOM, MIN_ZOOM, type View } from './useView';

const VIEWER_HEIGHT = 520;

interface ImageProps {
  src: string;
  alt: string;
  label: string;
  download: ReactNode;
  view: View;
}

/** The preview with its toolbar: zoom and rotation from `view` (the card's), sized in layout so it scrolls when zoomed. */
export const ImageViewer = ({ src, alt, label, download, view }: ImageProps) => {
  const translate = useTranslate();
  const frame = useRef<HTMLDivElement>(null);
  const [frameSize, setFrameSize] = useState({ width: 600, height: VIEWER_HEIGHT });
  const [natural, setNatural] = useState<{ width: number; height: number } | null>(null);
  const [failed, setFailed] = useState(false);
  const { zoom, rotation } = view;

  useEffect(() => {
    const element = frame.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      const { width, height } = entry.contentRect;
      if (width > 0 && height > 0) setFrameSize({ width, height });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // Sizes in layout (not only in the transform), so a zoomed or turned image scrolls inside the frame.
  const quarterTurn = rotation % 180 !== 0;
  const width = natural?.width ?? 1;
  const height = natural?.height ?? 1;
  const turnedWidth = quarterTurn ? height : width;
  const turnedHeight = quarterTurn ? width : height;
  const fit = Math.min(frameSize.width / turnedWidth, frameSize.height / turnedHeight, 1);
  const scale = fit * zoom;

  const tool = (title: string, onClick: () => void, icon: ReactNode, disabled = false) => (
    <Tooltip title={title}>
      <span>
        <IconButton size="small" aria-label={title} onClick={onClick} disabled={disabled || !natural}>
          {icon}
        </IconButton>
      </span>
    </Tooltip>
  );

  return (
    <Box>
      <Box role="toolbar" aria-label={label} sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 0.5, mb: 0.5 }}>
        {tool(translate('cases.viewer.zoom_out'), view.zoomOut, <ZoomOutIcon />, zoom <= MIN_ZOOM)}
        {tool(translate('cases.viewer.zoom_in'), view.zoomIn, <ZoomInIcon />, zoom >= MAX_ZOOM)}
        {tool(translate('cases.viewer.reset'), view.reset, <FitIcon />)}
        {tool(translate('cases.viewer.rotate_left'), view.rotateLeft, <RotateLeftIcon />)}
        {tool(translate('cases.viewer.rotate_right'), view.rotateRight, <RotateRightIcon />)}
        <Typography
          variant="caption"
          color="text.secondary"
          sx={{ mx: 1 }}
          aria-live="polite"
          data-testid="viewer-state"
          data-zoom={zoom}
          data-rotation={rotation}
        >
          {translate('cases.viewer.zoom_level', { percent: Math.round(scale * 100) })}
          {rotation ? ` · ${rotation}°` : ''}
        </Typography>
        <Box sx={{ flex: 1 }} />
        {download}
      </Box>
      <Box
        ref={frame}
        tabIndex={0}
        aria-label={label}
        role="region"
        // Zoom and rotation keys are the case page's (useReviewKeys): they act on the current document wherever focus is.
        sx={{
          height: VIEWER_HEIGHT,
          overflow: 'auto',
          display: 'flex',
          bgcolor: 'grey.200',
          borderRadius: 1,
          '&:focus-visible': { outline: '2px solid', outlineColor: 'primary.main' },
        }}
      >
        {failed ? (
          <Alert severity="error" sx={{ m: 'auto' }}>
            {translate('cases.viewer.failed')}
          </Alert>
        ) : (
          <Box sx={{ position: 'relative', flex: 'none', m: 'auto', width: turnedWidth * scale, height: turnedHeight * scale }}>
            <img
              src={src}
              alt={alt}
              data-testid="document-preview"
              draggable={false}
              onLoad={(event) => {
                const image = event.currentTarget;
                setNatural({ width: image.naturalWidth, height: image.naturalHeight });
              }}
              onError={() => setFailed(true)}
              style={
                natural
                  ? {
                      position: 'absolute',
                      left: '50%',
                      top: '50%',
                      width: width * scale,
                      height: height * scale,
                      maxWidth: 'none',
                      transform: `translate(-50%, -50%) rotate(${rotation}deg)`,
                      transition: 'transform 120ms ease-out',
                      boxShadow: '0 1px 4px rgba(0,0,0,0.3)',
                      background: '#fff',
                    }
                  : { position: 'absolute', visibility: 'hidden' }
              }
            />
          </Box>
        )}
      </Box>
    </Box>
  );
};
