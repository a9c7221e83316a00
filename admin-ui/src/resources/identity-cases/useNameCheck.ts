import { useEffect, useState } from 'react';
import { casesApi } from './api';
import type { NameCheck } from './types';

const DELAY_MS = 300;

/**
 * The server's verdict on the name and expiry being typed (the decision's own function, nothing stored), asked
 * again a moment after the reviewer stops typing. `null` until there is a name to check.
 */
export function useNameCheck(caseId: string, documentId: string, holderName: string, expiry: string | null) {
  const [state, setState] = useState<{ key: string; result: NameCheck | null; failed: boolean } | null>(null);
  const name = holderName.trim();
  const key = `${name}|${expiry ?? ''}`;

  useEffect(() => {
    if (name.length < 2) return;
    const abort = new AbortController();
    const timer = setTimeout(() => {
      casesApi
        .nameCheck(caseId, documentId, { holderName: name, ...(expiry ? { expiry } : {}) }, abort.signal)
        .then((result) => setState({ key, result, failed: false }))
        .catch(() => {
          if (!abort.signal.aborted) setState({ key, result: null, failed: true });
        });
    }, DELAY_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [caseId, documentId, name, expiry, key]);

  if (name.length < 2) return null;
  // An answer to older input is not shown as the answer to this one.
  return state?.key === key ? { checking: false, ...state } : { checking: true, result: null, failed: false };
}
