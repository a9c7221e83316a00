import { useCallback, useMemo, useState } from 'react';

export const MIN_ZOOM = 0.25;
export const MAX_ZOOM = 6;
const STEP = 1.25;

/** How a document is shown (zoom, quarter turns): the card holds it, so the toolbar and the keyboard share it. */
export interface View {
  zoom: number;
  rotation: number;
  zoomIn(): void;
  zoomOut(): void;
  rotateRight(): void;
  rotateLeft(): void;
  reset(): void;
}

export function useView(): View {
  const [zoom, setZoom] = useState(1);
  const [rotation, setRotation] = useState(0);
  const zoomBy = useCallback((factor: number) => setZoom((z) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, z * factor))), []);
  const rotateBy = useCallback((degrees: number) => setRotation((r) => (r + degrees + 360) % 360), []);
  return useMemo(
    () => ({
      zoom,
      rotation,
      zoomIn: () => zoomBy(STEP),
      zoomOut: () => zoomBy(1 / STEP),
      rotateRight: () => rotateBy(90),
      rotateLeft: () => rotateBy(-90),
      reset: () => {
        setZoom(1);
        setRotation(0);
      },
    }),
    [zoom, rotation, zoomBy, rotateBy],
  );
}
