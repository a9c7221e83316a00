import { useCallback, useEffect, useState } from 'react';
import { ApiError, formApi, saveCase, savedCase, type CaseAccess, type PublicCase } from './api';
import { useFormLocale, type FormLocale, type Translate } from './i18n';
import { DetailsStep } from './DetailsStep';
import { ConfirmStep } from './ConfirmStep';
import { DocumentsStep } from './DocumentsStep';
import { SendStep } from './SendStep';
import { DoneStep } from './DoneStep';
import { ReuploadStep } from './ReuploadStep';
import { ErrorMessage, StepHeading, type StepProps } from './parts';

type Route = { name: 'details' } | { name: 'case'; access: CaseAccess } | { name: 'lost' };

const CASE_HASH = /^#\/case\/([^/?#]+)(?:\?(.*))?$/;

const caseHash = (caseId: string) => `#/case/${encodeURIComponent(caseId)}`;

/**
 * Where the page is: `#/` (a new request), or `#/case/<id>` (a request under way). The link agents mail carries
 * `?token=…`: the token moves to sessionStorage and leaves the address bar (and the history) at once.
 */
function resolveRoute(): Route {
  const match = CASE_HASH.exec(window.location.hash);
  const saved = savedCase();
  if (match) {
    const caseId = decodeURIComponent(match[1]);
    const token = new URLSearchParams(match[2] ?? '').get('token');
    if (token) {
      const access = { caseId, token };
      saveCase(access);
      window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}${caseHash(caseId)}`);
      return { name: 'case', access };
    }
    return saved?.caseId === caseId ? { name: 'case', access: saved } : { name: 'lost' };
  }
  // A reload of the first step after a request was opened in this tab: back to that request.
  if (saved && ['', '#', '#/'].includes(window.location.hash)) {
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}${caseHash(saved.caseId)}`);
    return { name: 'case', access: saved };
  }
  return { name: 'details' };
}

function startOver(): void {
  saveCase(null);
  window.location.hash = '#/';
}

export const FormApp = () => {
  const { locale, setLocale, t } = useFormLocale();
  const [route, setRoute] = useState<Route>(resolveRoute);
  // The address typed at step 1, shown at step 2; never stored.
  const [contactEmail, setContactEmail] = useState<string | null>(null);

  useEffect(() => {
    const onHashChange = () => setRoute(resolveRoute());
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  const opened = (access: CaseAccess, email: string) => {
    saveCase(access);
    setContactEmail(email);
    window.history.pushState(null, '', `${window.location.pathname}${window.location.search}${caseHash(access.caseId)}`);
    setRoute({ name: 'case', access });
  };

  return (
    <>
      <header className="rd-header">
        <div className="rd-header-inner">
          <span className="rd-brand">{t('brand')}</span>
          <LanguageSwitch locale={locale} setLocale={setLocale} t={t} />
        </div>
      </header>
      <main className="rd-main" id="main">
        <h1>{t('page_title')}</h1>
        <p className="rd-intro">{t('intro')}</p>
        {route.name === 'details' && (
          <>
            <Steps current={1} t={t} />
            <DetailsStep t={t} locale={locale} onOpened={opened} />
          </>
        )}
        {route.name === 'lost' && (
          <section className="rd-card" aria-labelledby="step-title">
            <StepHeading>{t('new_request')}</StepHeading>
            <ErrorMessage>{t('errors.not_found')}</ErrorMessage>
            <button type="button" className="rd-button" onClick={startOver}>
              {t('new_request')}
            </button>
          </section>
        )}
        {route.name === 'case' && (
          <CaseFlow key={route.access.caseId} access={route.access} contactEmail={contactEmail} t={t} locale={locale} />
        )}
      </main>
    </>
  );
};

const LanguageSwitch = ({ locale, setLocale, t }: { locale: FormLocale; setLocale(l: FormLocale): void; t: Translate }) => {
  const other: FormLocale = locale === 'fr' ? 'en' : 'fr';
  return (
    <button
      type="button"
      className="rd-link-button rd-lang"
      lang={other}
      aria-label={t('switch_language_label')}
      onClick={() => setLocale(other)}
    >
      {t('switch_language')}
    </button>
  );
};

const STEP_KEYS = ['details', 'confirm', 'documents', 'send'] as const;

const Steps = ({ current, t }: { current: number; t: Translate }) => (
  <nav aria-label={t('steps.label')} className="rd-steps">
    <ol>
      {STEP_KEYS.map((key, index) => {
        const n = index + 1;
        const state = n < current ? 'done' : n === current ? 'current' : 'todo';
        return (
          <li key={key} className={`rd-step rd-step-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="rd-step-number" aria-hidden="true">
              {state === 'done' ? '✓' : n}
            </span>
            <span className="rd-step-label">{t(`steps.${key}`)}</span>
            {state !== 'todo' && <span className="rd-visually-hidden"> ({t(`steps.${state}`)})</span>}
          </li>
        );
      })}
    </ol>
  </nav>
);

/** A request under way: its state on the server says which step to show. */
const CaseFlow = ({
  access,
  contactEmail,
  t,
  locale,
}: {
  access: CaseAccess;
  contactEmail: string | null;
  t: Translate;
  locale: FormLocale;
}) => {
  const [view, setView] = useState<PublicCase | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [reviewing, setReviewing] = useState(false);

  // State is set in the promise's callbacks, never synchronously: the mount effect below may call this.
  const refresh = useCallback((): Promise<PublicCase | null> => {
    return formApi.view(access, locale).then(
      (next) => {
        setView(next);
        setLoadError(null);
        return next;
      },
      (error: unknown) => {
        setLoadError(error instanceof ApiError ? error : new ApiError(0, ''));
        return null;
      },
    );
    // The language only changes the server's wording, not the state: no reload when it changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [access]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  if (!view) {
    if (loadError) {
      const lost = loadError.status === 404;
      return (
        <section className="rd-card" aria-labelledby="step-title">
          <StepHeading>{t(lost ? 'new_request' : 'page_title')}</StepHeading>
          <ErrorMessage>{t(lost ? 'errors.not_found' : loadError.status === 0 ? 'errors.network' : 'errors.generic')}</ErrorMessage>
          {lost ? (
            <button type="button" className="rd-button" onClick={startOver}>
              {t('new_request')}
            </button>
          ) : (
            <button type="button" className="rd-button" onClick={() => void refresh()}>
              {t('documents.continue')}
            </button>
          )}
        </section>
      );
    }
    return (
      <p role="status" className="rd-loading">
        {t('loading')}
      </p>
    );
  }

  const stepProps: StepProps = { access, view, t, locale, refresh };
  if (view.status === 'awaiting_reupload') {
    return <ReuploadStep {...stepProps} />;
  }
  if (view.status !== 'collecting') {
    return <DoneStep view={view} t={t} onNewRequest={startOver} />;
  }
  const step = !view.emailConfirmed ? 2 : reviewing ? 4 : 3;
  return (
    <>
      <Steps current={step} t={t} />
      {step === 2 && (
        <ConfirmStep access={access} contactEmail={contactEmail} t={t} locale={locale} onConfirmed={refresh} onNewRequest={startOver} />
      )}
      {step === 3 && <DocumentsStep {...stepProps} onContinue={() => setReviewing(true)} />}
      {step === 4 && <SendStep {...stepProps} onBack={() => setReviewing(false)} />}
      <p className="rd-footer">
        <button type="button" className="rd-link-button" onClick={startOver}>
          {t('new_request')}
        </button>
      </p>
    </>
  );
};
