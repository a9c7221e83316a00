import { useEffect, useRef, useState } from 'react';
import {
  ACCEPT,
  ADDRESS_VARIANTS,
  IDENTITY_TYPES,
  MAX_FILE_BYTES,
  formApi,
  looksAllowed,
  type AddressVariant,
  type CaseAccess,
  type DocumentKind,
  type IdentityType,
  type PublicCase,
} from './api';
import type { FormLocale, Translate } from './i18n';
import { ErrorMessage, StepHeading, problemText, type StepProps } from './parts';
import { liveDocuments, missingItems, missingLabel, requiredSlots, slotLabel, statedIdentityType, type Slot } from './slots';

export const formatDate = (iso: string, locale: FormLocale) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString(locale, { dateStyle: 'long' });
};

/** Kinds sent that the current checklist does not ask for (e.g. after the address situation changed), then "other". */
function optionalKinds(view: PublicCase): DocumentKind[] {
  const extra = [...new Set(liveDocuments(view).map((doc) => doc.kind))].filter(
    (kind) => !view.requiredDocuments.includes(kind) && kind !== 'identity_back' && kind !== 'other',
  );
  return [...extra, 'other'];
}

/**
 * Step 3: the customer says which identity document they have (and, for an individual, their address situation),
 * then one slot per document. A chosen file is sent at once, with its progress; the list of what is still missing
 * stays in view until nothing is.
 */
export const DocumentsStep = ({ access, view, t, locale, refresh, onContinue }: StepProps & { onContinue(): void }) => {
  const [identityType, setIdentityType] = useState<IdentityType | null>(() => statedIdentityType(view));
  const [busy, setBusy] = useState<Record<string, boolean>>({});
  const [blocked, setBlocked] = useState<string | null>(null);
  const holder = t(`holder.${view.accountType}`);
  const missing = missingItems(view, identityType);
  const uploading = Object.values(busy).some(Boolean);

  const setSlotBusy = (kind: string, value: boolean) => setBusy((current) => ({ ...current, [kind]: value }));

  const goOn = async () => {
    if (uploading) {
      setBlocked(t('documents.wait_uploads'));
      return;
    }
    const latest = (await refresh()) ?? view;
    const still = missingItems(latest, identityType);
    if (still.length) {
      setBlocked(t('documents.missing', { list: still.map((item) => missingLabel(item, identityType, t)).join(', ') }));
      document.getElementById('missing-box')?.focus();
      return;
    }
    setBlocked(null);
    onContinue();
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
        <p>{t('documents.instant')}</p>
      </div>

      <fieldset className="rd-choice" data-testid="identity-type">
        <legend>{t('documents.identity_question')}</legend>
        <p className="rd-hint">{t('documents.identity_hint', { holder })}</p>
        {IDENTITY_TYPES.map((type) => (
          <label key={type} className="rd-radio">
            <input type="radio" name="identityType" value={type} checked={identityType === type} onChange={() => setIdentityType(type)} />{' '}
            {t(`identity_type.${type}`)}
            <span className="rd-hint"> — {t(`identity_type_hint.${type}`)}</span>
          </label>
        ))}
      </fieldset>

      {view.accountType === 'individual' && <AddressSituation access={access} view={view} t={t} locale={locale} refresh={refresh} />}

      <h3>{t('documents.required_title')}</h3>
      {!identityType && <p className="rd-note">{t('documents.choose_type_first')}</p>}
      {requiredSlots(view, identityType).map((slot) => (
        <DocumentSlot
          key={slot.kind}
          access={access}
          slot={slot}
          title={slotLabel(slot, identityType, t)}
          hint={slot.side ? t(`identity_side_hint.${slot.side}`) : t(`kind_hint.${slot.kind}`, { holder })}
          mark="required"
          identityType={slot.side ? identityType : null}
          received={liveDocuments(view).filter((doc) => doc.kind === slot.kind)}
          t={t}
          locale={locale}
          refresh={refresh}
          onBusy={(value) => setSlotBusy(slot.kind, value)}
        />
      ))}

      <details className="rd-optional">
        <summary>{t('documents.optional_title')}</summary>
        {optionalKinds(view).map((kind) => (
          <DocumentSlot
            key={kind}
            access={access}
            slot={{ kind }}
            title={t(`kind.${kind}`)}
            hint={t(`kind_hint.${kind}`, { holder })}
            mark="optional"
            identityType={null}
            received={liveDocuments(view).filter((doc) => doc.kind === kind)}
            t={t}
            locale={locale}
            refresh={refresh}
            onBusy={(value) => setSlotBusy(kind, value)}
          />
        ))}
      </details>

      <MissingBox missing={missing.map((item) => missingLabel(item, identityType, t))} t={t} />
      {blocked && <ErrorMessage>{blocked}</ErrorMessage>}
      <button type="button" className="rd-button" onClick={() => void goOn()}>
        {t('documents.continue')}
      </button>
    </section>
  );
};

/** What is still to send, always in view (and read out when it changes). */
export const MissingBox = ({ missing, t }: { missing: string[]; t: Translate }) => (
  <div
    id="missing-box"
    tabIndex={-1}
    className={missing.length ? 'rd-missing' : 'rd-missing rd-missing-none'}
    data-testid="missing-box"
    aria-live="polite"
  >
    {missing.length ? (
      <>
        <strong>{t('documents.still_missing_title')}</strong>
        <ul>
          {missing.map((label) => (
            <li key={label}>{label}</li>
          ))}
        </ul>
      </>
    ) : (
      <p className="rd-success">{t('documents.nothing_missing')}</p>
    )}
  </div>
);

/** An individual's address situation: it decides which proofs of address the checklist asks for. */
const AddressSituation = ({ access, view, t, locale, refresh }: StepProps) => {
  const current = view.addressVariant ?? 'standard';
  const [saving, setSaving] = useState<AddressVariant | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const choose = async (variant: AddressVariant) => {
    if (variant === current || saving) return;
    setSaving(variant);
    setProblem(null);
    try {
      await formApi.setAddressVariant(access, variant, locale);
      await refresh();
    } catch (error) {
      setProblem(problemText(error, 'view', t, locale));
    } finally {
      setSaving(null);
    }
  };

  return (
    <fieldset className="rd-choice" data-testid="address-variant" aria-busy={Boolean(saving)}>
      <legend>{t('address.title')}</legend>
      {ADDRESS_VARIANTS.map((variant) => (
        <label key={variant} className="rd-radio">
          <input
            type="radio"
            name="addressVariant"
            value={variant}
            checked={(saving ?? current) === variant}
            disabled={Boolean(saving)}
            onChange={() => void choose(variant)}
          />{' '}
          {t(`address.${variant}`)}
          <span className="rd-hint"> — {t(`address.${variant}_hint`)}</span>
        </label>
      ))}
      {saving && (
        <p role="status" className="rd-hint">
          {t('address.saving')}
        </p>
      )}
      {problem && <ErrorMessage>{problem}</ErrorMessage>}
    </fieldset>
  );
};

type Upload = {
  key: number;
  file: File;
  status: 'uploading' | 'failed';
  /** 0 to 100. */
  percent: number;
  message?: string;
  /** A file the page refuses before sending (type, size): choosing another is the way, not retrying. */
  retryable?: boolean;
};

let nextKey = 1;

/** One document's slot: choosing files sends them at once, one by one, each with its progress or its error. */
export const DocumentSlot = ({
  access,
  slot,
  title,
  hint,
  mark,
  identityType,
  received,
  t,
  locale,
  refresh,
  onBusy,
}: {
  access: CaseAccess;
  slot: Slot;
  title: string;
  hint: string;
  mark: 'required' | 'optional' | 'asked' | 'requested';
  identityType: IdentityType | null;
  received: PublicCase['documents'];
  t: Translate;
  locale: FormLocale;
  refresh(): Promise<unknown>;
  onBusy?(busy: boolean): void;
}) => {
  const { kind } = slot;
  const input = useRef<HTMLInputElement>(null);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [lastReceived, setLastReceived] = useState<string | null>(null);
  const inputId = `file-${kind}`;
  const busy = uploads.some((u) => u.status === 'uploading');
  const markText =
    mark === 'asked'
      ? t('reupload.asked_mark')
      : mark === 'requested'
        ? t('reupload.asked_mark_missing')
        : t(mark === 'required' ? 'required_mark' : 'optional_mark');

  useEffect(() => {
    onBusy?.(busy);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [busy]);

  const patch = (key: number, change: Partial<Upload>) => setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...change } : u)));

  const send = async (upload: Upload) => {
    patch(upload.key, { status: 'uploading', percent: 0, message: undefined });
    try {
      await formApi.uploadOne(access, kind, upload.file, locale, {
        identityType,
        onProgress: (fraction) => patch(upload.key, { percent: Math.min(99, Math.round(fraction * 100)) }),
      });
      setUploads((list) => list.filter((u) => u.key !== upload.key));
      setLastReceived(upload.file.name);
      await refresh();
    } catch (error) {
      patch(upload.key, { status: 'failed', message: problemText(error, 'upload', t, locale), retryable: true });
    }
  };

  const chosen = (files: File[]) => {
    if (input.current) input.current.value = '';
    setLastReceived(null);
    for (const file of files) {
      const refused = !looksAllowed(file)
        ? t('documents.bad_type', { name: file.name })
        : file.size === 0
          ? t('documents.empty', { name: file.name })
          : file.size > MAX_FILE_BYTES
            ? t('documents.too_big', { name: file.name })
            : null;
      const upload: Upload = {
        key: nextKey++,
        file,
        status: refused ? 'failed' : 'uploading',
        percent: 0,
        message: refused ?? undefined,
        retryable: !refused,
      };
      setUploads((list) => [...list, upload]);
      if (!refused) void send(upload);
    }
  };

  return (
    <div className="rd-slot" role="group" data-kind={kind} aria-labelledby={`title-${kind}`}>
      <h4 id={`title-${kind}`}>
        {title} <span className={mark === 'optional' ? 'rd-optional-mark' : 'rd-required'}>({markText})</span>
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
            {received.map((doc) => (
              <li key={doc.id}>
                <span aria-hidden="true">✓ </span>
                {doc.name}
              </li>
            ))}
          </ul>
        )}
      </div>
      {uploads.length > 0 && (
        <ul className="rd-uploads" aria-label={t('documents.uploads_label')}>
          {uploads.map((upload) => (
            <li key={upload.key} className={`rd-upload-row rd-upload-${upload.status}`} data-status={upload.status}>
              <span className="rd-upload-name">{upload.file.name}</span>
              {upload.status === 'uploading' ? (
                <>
                  <progress max={100} value={upload.percent} aria-label={t('documents.progress_label', { name: upload.file.name })} />
                  <span className="rd-hint" role="status">
                    {t('documents.uploading', { percent: upload.percent })}
                  </span>
                </>
              ) : (
                <>
                  <p className="rd-error" role="alert">
                    {upload.message}
                  </p>
                  <span className="rd-actions-inline">
                    {upload.retryable && (
                      <button type="button" className="rd-button rd-button-secondary" onClick={() => void send(upload)}>
                        {t('documents.retry')}
                      </button>
                    )}
                    <button
                      type="button"
                      className="rd-link-button"
                      onClick={() => setUploads((list) => list.filter((u) => u.key !== upload.key))}
                    >
                      {t('documents.dismiss')}
                    </button>
                  </span>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
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
          disabled={Boolean(slot.side) && !identityType}
          aria-describedby={`hint-${kind}`}
          onChange={(event) => chosen(Array.from(event.target.files ?? []))}
        />
        <label htmlFor={inputId} className="rd-button rd-button-secondary rd-file-label">
          {t(received.length ? 'documents.choose_more' : 'documents.choose')}
        </label>
        <span className="rd-hint">{t('documents.instant_short')}</span>
      </div>
      <div aria-live="polite" className="rd-slot-status">
        {lastReceived && !busy && <p className="rd-success">{t('documents.received_one', { name: lastReceived })}</p>}
      </div>
    </div>
  );
};
