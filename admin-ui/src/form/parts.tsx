import { useEffect, useRef, type ReactNode } from 'react';
import { ApiError, type CaseAccess, type PublicCase } from './api';
import type { FormLocale, Translate } from './i18n';

// The first heading shown is left alone (the page just loaded); each later step moves the focus to its heading,
// so screen-reader and keyboard users land on the new step instead of a button that disappeared.
let firstHeadingShown = false;

export const StepHeading = ({ children }: { children: ReactNode }) => {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (firstHeadingShown) ref.current?.focus();
    firstHeadingShown = true;
  }, []);
  return (
    <h2 id="step-title" tabIndex={-1} ref={ref}>
      {children}
    </h2>
  );
};

export const ErrorMessage = ({ id, children }: { id?: string; children: ReactNode }) => (
  <p id={id} className="rd-error" role="alert">
    {children}
  </p>
);

type Context = 'open' | 'confirm' | 'upload' | 'submit' | 'view';

/**
 * What to tell the customer about a refused call, in the page's language. The server's own words (English
 * only for now) are added in English, where they are more precise than the generic text.
 */
export function problemText(error: unknown, context: Context, t: Translate, locale: FormLocale): string {
  if (!(error instanceof ApiError)) return t('errors.generic');
  // The server's stable codes, in the page's language.
  if (error.translated) return error.translated;
  const byStatus: Record<number, string> = {
    0: 'errors.network',
    400: context === 'upload' ? 'errors.malformed' : 'errors.invalid',
    404: 'errors.not_found',
    409: context === 'confirm' ? 'confirm.expired' : 'errors.conflict',
    413: 'errors.too_large',
    415: 'errors.unsupported',
    422: context === 'confirm' ? 'confirm.wrong' : context === 'upload' ? 'errors.empty' : 'errors.invalid',
    429: 'errors.throttled',
  };
  const key = byStatus[error.status] ?? 'errors.generic';
  const generic = t(key);
  if (locale === 'en' && error.message && error.status !== 404 && error.status >= 400 && error.status < 500) {
    return error.message.endsWith('.') ? error.message : `${error.message}.`;
  }
  return generic;
}

/** What every step of an open case gets from the form: the case, its access, the language and a reload. */
export interface StepProps {
  access: CaseAccess;
  view: PublicCase;
  t: Translate;
  locale: FormLocale;
  refresh(): Promise<PublicCase | null>;
}
