import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { keyAction, typingIn, type CardAction, type ReviewKeys } from './reviewKeys';

/**
 * The case page's keyboard: J/K move between documents, the others act on the current one (see KEYS). `ids` in
 * page order; the current document starts at the first one still to decide.
 */
export function useReviewKeys(ids: string[], firstToDecide: string | null) {
  const [chosen, setChosen] = useState<string | null>(null);
  const [focusSeq, setFocusSeq] = useState(0);
  const [helpOpen, setHelpOpen] = useState(false);
  const handlers = useRef(new Map<string, (action: CardAction) => boolean>());
  const currentId = chosen && ids.includes(chosen) ? chosen : (firstToDecide ?? ids[0] ?? null);

  const moveTo = useCallback((id: string) => {
    setChosen(id);
    setFocusSeq((n) => n + 1);
  }, []);

  const key = ids.join(',');
  useEffect(() => {
    const list = key ? key.split(',') : [];
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || typingIn(event.target)) return;
      const action = keyAction(event.key);
      if (!action) return;
      const at = currentId ? list.indexOf(currentId) : -1;
      if (action === 'help') setHelpOpen(true);
      else if (action === 'next' || action === 'previous') {
        const next = list[Math.min(list.length - 1, Math.max(0, at + (action === 'next' ? 1 : -1)))];
        if (!next) return;
        moveTo(next);
      } else if (!currentId || !handlers.current.get(currentId)?.(action)) return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [key, currentId, moveTo]);

  const context: ReviewKeys = useMemo(
    () => ({
      currentId,
      focusSeq,
      setCurrent: setChosen,
      register: (id, handler) => {
        handlers.current.set(id, handler);
        return () => {
          if (handlers.current.get(id) === handler) handlers.current.delete(id);
        };
      },
    }),
    [currentId, focusSeq],
  );
  return { context, moveTo, helpOpen, setHelpOpen };
}
