import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { ApiError, parseBody } from './api';
import { FormApp } from './FormApp';
import { translator, useFormLocale, type FormLocale, type Translate } from './i18n';
import { ErrorMessage } from './parts';

/**
 * The page a customer lands on from a recovery mail: `/form/#/link/<token>`. Opening it changes nothing (GET);
 * its one button uses the link (POST), once: during the hold it cancels the request, after execution it reports
 * the change ("this was not me"), which locks the account and alerts the supervisors.
 */

const LINK_HASH = /^#\/link(?:\/([^/?#]+))?\/?$/;
const LINK_KEY = 'recovery-desk.form.link';

export const isLinkHash = (hash: string) => LINK_HASH.test(hash);

/**
 * The token leaves the address bar (and the history) at once, as the form does with its case token; it is kept
 * for the tab's life so a reload still works.
 */
function takeToken(): string | null {
  const match = LINK_HASH.exec(window.location.hash);
  if (!match) return null;
  if (match[1]) {
    const token = decodeURIComponent(match[1]);
    try {
      sessionStorage.setItem(LINK_KEY, token);
    } catch {
      // Storage refused: the token lives in memory for this page only.
    }
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/link`);
    return token;
  }
  try {
    return sessionStorage.getItem(LINK_KEY);
  } catch {
    return null;
  }
}

export interface LinkView {
  action: string;
  status: string;
  effect: 'cancel' | 'report' | 'none';
}

async function linkCall<T>(token: string, method: 'GET' | 'POST', locale: FormLocale): Promise<T> {
  let response: Response;
  try {
    // `omit`: no staff session cookie goes with it, even from a browser where staff are signed in.
    response = await fetch(`/api/public/recovery-links/${encodeURIComponent(token)}`, {
      method,
      headers: { Accept: 'application/json', 'Accept-Language': locale },
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, '');
  }
  const text = await response.text();
  const body = parseBody(text);
  if (!response.ok) {
    const message = (body as { message?: unknown } | null)?.message;
    throw new ApiError(response.status, typeof message === 'string' ? message : '');
  }
  return body as T;
}

type State =
  | { name: 'loading' }
  | { name: 'invalid' }
  | { name: 'unreachable'; key: string }
  | { name: 'ready'; view: LinkView; sending: boolean; problem: string | null }
  | { name: 'done'; view: LinkView; result: 'cancelled' | 'reported' };

/** The form page's root: the link page for `#/link…`, the identity-documents form otherwise. */
export const FormRoot = () => {
  const [onLink, setOnLink] = useState(() => isLinkHash(window.location.hash));
  useEffect(() => {
    const onHashChange = () => setOnLink(isLinkHash(window.location.hash));
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  return onLink ? <LinkApp /> : <FormApp />;
};

const titleKey = (state: State) =>
  state.name === 'invalid'
    ? 'invalid.title'
    : state.name === 'ready' || state.name === 'done'
      ? state.view.effect === 'cancel'
        ? 'cancel.title'
        : state.view.effect === 'report'
          ? 'report.title'
          : 'none.title'
      : 'page_title';

const LinkApp = () => {
  const { locale, setLocale, t: formT } = useFormLocale();
  const t = translator(locale, 'link');
  const [token] = useState(takeToken);
  // Without a token there is nothing to load: the page is invalid from its first render.
  const [state, setState] = useState<State>(() => (token ? { name: 'loading' } : { name: 'invalid' }));
  const title = t(titleKey(state));

  // After the form's own title (set by useFormLocale): this page says what it is for.
  useEffect(() => {
    document.title = `${title} — ${formT('brand')}`;
  }, [title, formT]);

  // State is set in the promise's callbacks, never synchronously: the mount effect below calls this.
  const load = useCallback(async () => {
    if (!token) return;
    await linkCall<LinkView>(token, 'GET', locale).then(
      (view) => setState({ name: 'ready', view, sending: false, problem: null }),
      (error: unknown) => {
        const status = error instanceof ApiError ? error.status : 0;
        setState(status === 404 ? { name: 'invalid' } : { name: 'unreachable', key: status === 0 ? 'errors.network' : 'errors.generic' });
      },
    );
    // The language changes the wording only: no reload when it changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [token]);

  useEffect(() => {
    void load();
  }, [load]);

  const use = async (view: LinkView) => {
    if (!token) return;
    setState({ name: 'ready', view, sending: true, problem: null });
    try {
      const { result } = await linkCall<{ result: 'cancelled' | 'reported' }>(token, 'POST', locale);
      setState({ name: 'done', view, result });
    } catch (error) {
      const status = error instanceof ApiError ? error.status : 0;
      if (status === 404) {
        setState({ name: 'invalid' });
        return;
      }
      const key = status === 0 ? 'errors.network' : status === 409 ? 'errors.conflict' : 'errors.generic';
      setState({ name: 'ready', view, sending: false, problem: t(key) });
    }
  };

  return (
    <>
      <header className="rd-header">
        <div className="rd-header-inner">
          <span className="rd-brand">{formT('brand')}</span>
          <button
            type="button"
            className="rd-link-button rd-lang"
            lang={locale === 'fr' ? 'en' : 'fr'}
            aria-label={formT('switch_language_label')}
            onClick={() => setLocale(locale === 'fr' ? 'en' : 'fr')}
          >
            {formT('switch_language')}
          </button>
        </div>
      </header>
      <main className="rd-main" id="main">
        <h1>{title}</h1>
        <LinkBody
          state={state}
          t={t}
          onUse={use}
          onRetry={() => {
            setState({ name: 'loading' });
            void load();
          }}
        />
        <p className="rd-hint">{t('help')}</p>
        <p className="rd-hint">{t('genuine')}</p>
      </main>
    </>
  );
};

/** The result replaces the button that was pressed: the focus moves to it, so keyboard and screen-reader users land there. */
const ResultHeading = ({ children }: { children: ReactNode }) => {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <h2 id="link-result-title" tabIndex={-1} ref={ref}>
      {children}
    </h2>
  );
};

const what = (t: Translate, view: LinkView, tense: 'pending' | 'done') => {
  const text = t(`what.${tense}.${view.action}`);
  return text.startsWith('what.') ? t('what.unknown') : text;
};

const LinkBody = ({ state, t, onUse, onRetry }: { state: State; t: Translate; onUse(view: LinkView): void; onRetry(): void }) => {
  if (state.name === 'loading') {
    return (
      <p role="status" className="rd-loading">
        {t('loading')}
      </p>
    );
  }
  if (state.name === 'invalid') {
    return (
      <section className="rd-card">
        <p className="rd-big" role="status" style={{ marginTop: 0 }}>
          {t('invalid.text')}
        </p>
      </section>
    );
  }
  if (state.name === 'unreachable') {
    return (
      <section className="rd-card">
        <ErrorMessage>{t(state.key)}</ErrorMessage>
        <button type="button" className="rd-button" onClick={onRetry}>
          {t('retry')}
        </button>
      </section>
    );
  }
  const { view } = state;
  if (state.name === 'done') {
    const key = state.result === 'cancelled' ? 'cancel.done' : 'report.done';
    return (
      <section className="rd-card rd-done" aria-labelledby="link-result-title">
        <ResultHeading>{t(state.result === 'cancelled' ? 'cancel.done_title' : 'report.done_title')}</ResultHeading>
        <p role="status" className="rd-success rd-big" data-testid="link-result">
          {t(key)}
        </p>
      </section>
    );
  }
  if (view.effect === 'none') {
    return (
      <section className="rd-card">
        <p className="rd-big" style={{ marginTop: 0 }}>
          {t('none.text')}
        </p>
      </section>
    );
  }
  const kind = view.effect; // 'cancel' | 'report'
  return (
    <section className="rd-card">
      <p className="rd-big" style={{ marginTop: 0 }}>
        {t(`${kind}.what`, { what: what(t, view, kind === 'cancel' ? 'pending' : 'done') })}
      </p>
      <p>{t(`${kind}.advice`)}</p>
      {state.problem && <ErrorMessage>{state.problem}</ErrorMessage>}
      <div className="rd-actions">
        <button type="button" className="rd-button" onClick={() => onUse(view)} disabled={state.sending} aria-busy={state.sending}>
          {t(state.sending ? `${kind}.sending` : `${kind}.button`)}
        </button>
      </div>
    </section>
  );
};
