import { useState, type FormEvent } from 'react';
import { ApiError, formApi, type CaseAccess } from './api';
import type { FormLocale, Translate } from './i18n';
import { ErrorMessage, StepHeading, problemText } from './parts';

/** Step 2: the 6-digit code mailed to the contact address proves the customer reads it. */
export const ConfirmStep = ({
  access,
  contactEmail,
  t,
  locale,
  onConfirmed,
  onNewRequest,
}: {
  access: CaseAccess;
  contactEmail: string | null;
  t: Translate;
  locale: FormLocale;
  onConfirmed(): Promise<unknown>;
  onNewRequest(): void;
}) => {
  const [code, setCode] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [dead, setDead] = useState(false);
  const [sending, setSending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const digits = code.replace(/\D/g, '');
    if (digits.length !== 6) {
      setFieldError(t('confirm.format'));
      document.getElementById('field-code')?.focus();
      return;
    }
    setFieldError(null);
    setSending(true);
    try {
      await formApi.confirmEmail(access, digits, locale);
      await onConfirmed();
    } catch (error) {
      if (error instanceof ApiError && error.status === 422) {
        setFieldError(t('confirm.wrong'));
        document.getElementById('field-code')?.focus();
      } else {
        if (error instanceof ApiError && (error.status === 409 || error.status === 404)) setDead(true);
        setProblem(problemText(error, 'confirm', t, locale));
      }
    } finally {
      setSending(false);
    }
  };

  return (
    <section className="rd-card" aria-labelledby="step-title">
      <p className="rd-step-of">{t('step_of', { n: 2 })}</p>
      <StepHeading>{t('confirm.title')}</StepHeading>
      <p>{contactEmail ? t('confirm.sent_to', { email: contactEmail }) : t('confirm.sent')}</p>
      <p className="rd-hint">{t('confirm.spam')}</p>
      {dead ? (
        <>
          {problem && <ErrorMessage>{problem}</ErrorMessage>}
          <button type="button" className="rd-button" onClick={onNewRequest}>
            {t('new_request')}
          </button>
        </>
      ) : (
        <form onSubmit={submit} noValidate>
          <div className="rd-field">
            <label htmlFor="field-code">{t('confirm.code')}</label>
            <p className="rd-hint" id="hint-code">
              {t('confirm.code_hint')}
            </p>
            <input
              id="field-code"
              name="code"
              className="rd-code"
              type="text"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={7}
              value={code}
              onChange={(event) => setCode(event.target.value)}
              aria-invalid={Boolean(fieldError)}
              aria-describedby={fieldError ? 'hint-code error-code' : 'hint-code'}
              required
            />
            {fieldError && (
              <p className="rd-field-error" id="error-code" role="alert">
                {fieldError}
              </p>
            )}
          </div>
          {problem && <ErrorMessage>{problem}</ErrorMessage>}
          <button type="submit" className="rd-button" disabled={sending} aria-busy={sending}>
            {t('confirm.submit')}
          </button>
        </form>
      )}
    </section>
  );
};
