import { useState, type FormEvent } from 'react';
import { ACCOUNT_TYPES, ApiError, PURPOSES, formApi, type AccountType, type CaseAccess, type Purpose } from './api';
import type { FormLocale, Translate } from './i18n';
import { ErrorMessage, StepHeading, problemText } from './parts';

type Field = 'customerId' | 'accountType' | 'purpose' | 'contactEmail';
type Errors = Partial<Record<Field, string>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Step 1: who asks, for what, and where to answer. The answer never says whether the customer ID exists. */
export const DetailsStep = ({
  t,
  locale,
  onOpened,
}: {
  t: Translate;
  locale: FormLocale;
  onOpened(access: CaseAccess, contactEmail: string): void;
}) => {
  const [customerId, setCustomerId] = useState('');
  const [accountType, setAccountType] = useState<AccountType | ''>('');
  const [purpose, setPurpose] = useState<Purpose | ''>('');
  const [contactEmail, setContactEmail] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const validate = (): Errors => {
    const found: Errors = {};
    const id = customerId.trim();
    if (!id) found.customerId = t('details.required');
    else if (id.length < 3 || id.length > 40) found.customerId = t('details.invalid_customer_id');
    if (!accountType) found.accountType = t('details.choose_one');
    if (!purpose) found.purpose = t('details.choose_one');
    const email = contactEmail.trim();
    if (!email) found.contactEmail = t('details.required');
    else if (!EMAIL.test(email) || email.length > 254) found.contactEmail = t('details.invalid_email');
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length) {
      const first = (['customerId', 'accountType', 'purpose', 'contactEmail'] as Field[]).find((f) => found[f]);
      document.getElementById(first === 'purpose' ? 'purpose-replace_email' : `field-${first}`)?.focus();
      return;
    }
    setSending(true);
    try {
      const email = contactEmail.trim();
      const opened = await formApi.open(
        { customerId: customerId.trim(), accountType: accountType as AccountType, purpose: purpose as Purpose, contactEmail: email },
        locale,
      );
      onOpened({ caseId: opened.caseId, token: opened.token }, email);
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && Object.keys(error.errors).length) {
        // The server's field names are ours: say it in the page's language, on the field.
        const own: Record<Field, string> = {
          customerId: t('details.invalid_customer_id'),
          accountType: t('details.choose_one'),
          purpose: t('details.choose_one'),
          contactEmail: t('details.invalid_email'),
        };
        const next: Errors = {};
        for (const name of Object.keys(error.errors)) if (name in own) next[name as Field] = own[name as Field];
        setErrors(next);
        setProblem(t('errors.invalid'));
      } else {
        setProblem(problemText(error, 'open', t, locale));
      }
    } finally {
      setSending(false);
    }
  };

  const describedBy = (field: Field) => [`hint-${field}`, errors[field] ? `error-${field}` : ''].filter(Boolean).join(' ');
  const newAddress = purpose === 'replace_email';

  return (
    <section className="rd-card" aria-labelledby="step-title">
      <p className="rd-step-of">{t('step_of', { n: 1 })}</p>
      <StepHeading>{t('details.title')}</StepHeading>
      <form onSubmit={submit} noValidate>
        <div className="rd-field">
          <label htmlFor="field-customerId">
            {t('details.customer_id')} <span className="rd-required">({t('required_mark')})</span>
          </label>
          <p className="rd-hint" id="hint-customerId">
            {t('details.customer_id_hint')}
          </p>
          <input
            id="field-customerId"
            name="customerId"
            type="text"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={40}
            value={customerId}
            onChange={(event) => setCustomerId(event.target.value)}
            aria-invalid={Boolean(errors.customerId)}
            aria-describedby={describedBy('customerId')}
            required
          />
          {errors.customerId && (
            <p className="rd-field-error" id="error-customerId">
              {errors.customerId}
            </p>
          )}
        </div>

        <div className="rd-field">
          <label htmlFor="field-accountType">
            {t('details.account_type')} <span className="rd-required">({t('required_mark')})</span>
          </label>
          <p className="rd-hint" id="hint-accountType">
            {t('details.account_type_hint')}
          </p>
          <select
            id="field-accountType"
            name="accountType"
            value={accountType}
            onChange={(event) => setAccountType(event.target.value as AccountType | '')}
            aria-invalid={Boolean(errors.accountType)}
            aria-describedby={describedBy('accountType')}
            required
          >
            <option value="">{t('details.choose')}</option>
            {ACCOUNT_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`account_type.${type}`)}
              </option>
            ))}
          </select>
          {errors.accountType && (
            <p className="rd-field-error" id="error-accountType">
              {errors.accountType}
            </p>
          )}
        </div>

        <fieldset
          className="rd-field rd-fieldset"
          aria-invalid={Boolean(errors.purpose)}
          aria-describedby={errors.purpose ? 'error-purpose' : undefined}
        >
          <legend>
            {t('details.purpose')} <span className="rd-required">({t('required_mark')})</span>
          </legend>
          {PURPOSES.map((value) => (
            <div className="rd-radio" key={value}>
              <input
                type="radio"
                id={`purpose-${value}`}
                name="purpose"
                value={value}
                checked={purpose === value}
                onChange={() => setPurpose(value)}
                aria-describedby={`hint-purpose-${value}`}
              />
              <div>
                <label htmlFor={`purpose-${value}`}>{t(`details.purpose_${value}`)}</label>
                <p className="rd-hint" id={`hint-purpose-${value}`}>
                  {t(`details.purpose_${value}_hint`)}
                </p>
              </div>
            </div>
          ))}
          {errors.purpose && (
            <p className="rd-field-error" id="error-purpose">
              {errors.purpose}
            </p>
          )}
        </fieldset>

        <div className="rd-field">
          <label htmlFor="field-contactEmail">
            {t(newAddress ? 'details.contact_email_new' : 'details.contact_email')}{' '}
            <span className="rd-required">({t('required_mark')})</span>
          </label>
          <p className="rd-hint" id="hint-contactEmail">
            {t(newAddress ? 'details.contact_email_new_hint' : 'details.contact_email_hint')}
          </p>
          <input
            id="field-contactEmail"
            name="contactEmail"
            type="email"
            autoComplete="email"
            inputMode="email"
            maxLength={254}
            value={contactEmail}
            onChange={(event) => setContactEmail(event.target.value)}
            aria-invalid={Boolean(errors.contactEmail)}
            aria-describedby={describedBy('contactEmail')}
            required
          />
          {errors.contactEmail && (
            <p className="rd-field-error" id="error-contactEmail">
              {errors.contactEmail}
            </p>
          )}
        </div>

        {problem && <ErrorMessage>{problem}</ErrorMessage>}
        <button type="submit" className="rd-button" disabled={sending} aria-busy={sending}>
          {t(sending ? 'details.sending' : 'details.submit')}
        </button>
      </form>
    </section>
  );
};
