import { useRef, useState, type FormEvent } from 'react';
import {
  ACCEPT,
  MAX_FILE_BYTES,
  formApi,
  looksAllowed,
  type CaseAccess,
  type DocumentKind,
  type PublicCase,
} from './api';
import type { FormLocale, Translate } from './i18n';
import { ErrorMessage, StepHeading, problemText } from './parts';

/** Documents that may apply besides the required ones, by account type. */
function optionalKinds(view: PublicCase): DocumentKind[] {
  const extra: DocumentKind[] = view.accountType === 'individual' ? ['host_proof_of_address', 'hosting_attestation'] : [];
  return [...extra, 'other'].filter(kind => !view.requiredDocuments.includes(kind as DocumentKind)) as DocumentKind[];
}

export const missingKinds = (view: PublicCase): DocumentKind[] =>
  view.requiredDocuments.filter(kind => !view.documents.some(doc => doc.kind === kind));

export const formatDate = (iso: string, locale: FormLocale) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString(locale, { dateStyle: 'long' });
};

/** Step 3: one block per document, each with its own upload, its own errors, and what was received. */
export const DocumentsStep = ({
  access,
  view,
  t,
  locale,
  refresh,
  onContinue,
}: {
  access: CaseAccess;
  view: PublicCase;
  t: Translate;
  locale: FormLocale;
  refresh(): Promise<PublicCase | null>;
  onContinue(): void;
}) => {
  const [missingShown, setMissingShown] = useState<DocumentKind[] | null>(null);
  const holder = t(`holder.${view.accountType}`);
  const hint = (kind: DocumentKind) => t(`kind_hint.${kind}`, { holder });

  // The identity back goes right after the front: not required (passports have one side), but encouraged.
  const required: { kind: DocumentKind; mark: 'required' | 'recommended' }[] = [];
  for (const kind of view.requiredDocuments) {
    required.push({ kind, mark: 'required' });
    if (kind === 'identity_front' && !view.requiredDocuments.includes('identity_back')) {
      required.push({ kind: 'identity_back', mark: 'recommended' });
    }
  }

  const goOn = async () => {
    const latest = (await refresh()) ?? view;
    const missing = missingKinds(latest);
    setMissingShown(missing);
    if (!missing.length) onContinue();
  };

  return (
    <section className="rd-card" aria-labelledby="step-title">
      <p className="rd-step-of">{t('step_of', { n: 3 })}</p>
      <StepHeading>{t('documents.title')}</StepHeading>
      <div className="rd-rules" role="note" aria-labelledby="rules-title">
        <h3 id="rules-title">{t('documents.rules_title')}</h3>
        <ul>
          <li>{t('documents.rule_formats')}</li>
          <li>{t('documents.rule_identity')}</li>
          <li>{t('documents.rule_proofs')}</li>
          <li>
            <strong>{t('documents.rule_cancel')}</strong>
          </li>
        </ul>
        <p>{t('documents.deadline', { date: formatDate(view.collectUntil, locale) })}</p>
      </div>

      <h3>{t('documents.required_title')}</h3>
      {required.map(({ kind, mark }) => (
        <DocumentSlot
          key={kind}
          access={access}
          kind={kind}
          hint={hint(kind)}
          mark={mark}
          received={view.documents.filter(doc => doc.kind === kind)}
          t={t}
          locale={locale}
          refresh={refresh}
        />
      ))}

      <details className="rd-optional">
        <summary>{t('documents.optional_title')}</summary>
        {optionalKinds(view).map(kind => (
          <DocumentSlot
            key={kind}
            access={access}
            kind={kind}
            hint={hint(kind)}
            mark="optional"
            received={view.documents.filter(doc => doc.kind === kind)}
            t={t}
            locale={locale}
            refresh={refresh}
          />
        ))}
      </details>

      {missingShown && missingShown.length > 0 && (
        <ErrorMessage>{t('documents.missing', { list: missingShown.map(kind => t(`kind.${kind}`)).join(', ') })}</ErrorMessage>
      )}
      <button type="button" className="rd-button" onClick={() => void goOn()}>
        {t('documents.continue')}
      </button>
    </section>
  );
};

type SlotState = { status: 'idle' } | { status: 'sending' } | { status: 'sent'; count: number } | { status: 'failed'; message: string };

const DocumentSlot = ({
  access,
  kind,
  hint,
  mark,
  received,
  t,
  locale,
  refresh,
}: {
  access: CaseAccess;
  kind: DocumentKind;
  hint: string;
  mark: 'required' | 'recommended' | 'optional';
  received: PublicCase['documents'];
  t: Translate;
  locale: FormLocale;
  refresh(): Promise<unknown>;
}) => {
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<SlotState>({ status: 'idle' });
  const [chosen, setChosen] = useState<string[]>([]);
  const inputId = `file-${kind}`;
  const errorId = `error-${kind}`;
  const markText = mark === 'recommended' ? t('documents.recommended') : t(mark === 'required' ? 'required_mark' : 'optional_mark');

  const send = async (event: FormEvent) => {
    event.preventDefault();
    const files = Array.from(input.current?.files ?? []);
    const fail = (message: string) => {
      setState({ status: 'failed', message });
      input.current?.focus();
    };
    if (!files.length) return fail(t('documents.no_file'));
    for (const file of files) {
      if (!looksAllowed(file)) return fail(t('documents.bad_type', { name: file.name }));
      if (file.size === 0) return fail(t('documents.empty', { name: file.name }));
      if (file.size > MAX_FILE_BYTES) return fail(t('documents.too_big', { name: file.name }));
    }
    setState({ status: 'sending' });
    try {
      const { documents } = await formApi.upload(access, kind, files, locale);
      if (input.current) input.current.value = '';
      setChosen([]);
      setState({ status: 'sent', count: documents.length });
      await refresh();
    } catch (error) {
      fail(problemText(error, 'upload', t, locale));
    }
  };

  return (
    <form className="rd-slot" onSubmit={send} noValidate data-kind={kind} aria-labelledby={`title-${kind}`}>
      <h4 id={`title-${kind}`}>
        {t(`kind.${kind}`)} <span className={mark === 'required' ? 'rd-required' : 'rd-optional-mark'}>({markText})</span>
      </h4>
      <p className="rd-hint" id={`hint-${kind}`}>
        {hint}
      </p>
      <div className="rd-received" id={`received-${kind}`}>
        <span className="rd-received-title">{t('documents.received_title')}</span>{' '}
        {received.length === 0 ? (
          <span className="rd-muted">{t('documents.none_yet')}</span>
        ) : (
          <ul>
            {received.map(doc => (
              <li key={doc.id}>
                <span aria-hidden="true">✓ </span>
                {doc.name}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="rd-upload">
        {/* The native picker's own words follow the browser's language, not the page's: it is hidden behind a
            label that looks like a button, and stays focusable and operable from the keyboard. */}
        <input
          ref={input}
          id={inputId}
          name={kind}
          className="rd-file-input"
          type="file"
          multiple
          accept={ACCEPT}
          aria-describedby={[`hint-${kind}`, `chosen-${kind}`, state.status === 'failed' ? errorId : ''].filter(Boolean).join(' ')}
          aria-invalid={state.status === 'failed'}
          onChange={event => {
            setChosen(Array.from(event.target.files ?? []).map(file => file.name));
            if (state.status !== 'sending') setState({ status: 'idle' });
          }}
        />
        <label htmlFor={inputId} className="rd-button rd-button-secondary rd-file-label">
          {t('documents.choose')}
        </label>
        <span id={`chosen-${kind}`} className="rd-chosen">
          {chosen.length ? chosen.join(', ') : t('documents.none_chosen')}
        </span>
        <button type="submit" className="rd-button" disabled={state.status === 'sending'} aria-busy={state.status === 'sending'}>
          {t(state.status === 'sending' ? 'documents.sending' : 'documents.send')}
        </button>
      </div>
      <div aria-live="polite" className="rd-slot-status">
        {state.status === 'sent' && <p className="rd-success">{t('documents.sent', { smart_count: state.count })}</p>}
      </div>
      {state.status === 'failed' && <ErrorMessage id={errorId}>{state.message}</ErrorMessage>}
    </form>
  );
};
