import { useState } from 'react';
import { ApiError, formApi } from './api';
import { ErrorMessage, StepHeading, problemText, type StepProps } from './parts';
import { liveDocuments, missingItems, missingLabel, requiredSlots, slotLabel, statedIdentityType, type Slot } from './slots';

/** Step 4: what will be sent, then the submission. The server says what is still missing if anything is. */
export const SendStep = ({ access, view, t, locale, refresh, onBack }: StepProps & { onBack(): void }) => {
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const type = statedIdentityType(view);
  const docs = liveDocuments(view);
  const required = requiredSlots(view, type);
  const slots: Slot[] = [
    ...required,
    ...[...new Set(docs.map((doc) => doc.kind))].filter((kind) => !required.some((slot) => slot.kind === kind)).map((kind) => ({ kind })),
  ];

  const submit = async () => {
    setSending(true);
    setProblem(null);
    try {
      await formApi.submit(access, locale);
      await refresh();
    } catch (error) {
      const latest = await refresh();
      if (error instanceof ApiError && error.status === 422 && latest) {
        const missing = missingItems(latest, statedIdentityType(latest));
        setProblem(
          missing.length
            ? t('documents.missing', { list: missing.map((item) => missingLabel(item, statedIdentityType(latest), t)).join(', ') })
            : problemText(error, 'submit', t, locale),
        );
      } else {
        setProblem(problemText(error, 'submit', t, locale));
      }
    } finally {
      setSending(false);
    }
  };

  return (
    <section className="rd-card" aria-labelledby="step-title">
      <p className="rd-step-of">{t('step_of', { n: 4 })}</p>
      <StepHeading>{t('send.title')}</StepHeading>
      <p>{t('send.intro')}</p>
      <ul className="rd-summary">
        {slots.map((slot) => {
          const files = docs.filter((doc) => doc.kind === slot.kind);
          return (
            <li key={slot.kind} className={files.length ? 'rd-summary-ok' : 'rd-summary-missing'}>
              <span aria-hidden="true">{files.length ? '✓ ' : '✗ '}</span>
              <strong>{slot.side ? slotLabel(slot, type, t) : t(`kind.${slot.kind}`)}</strong>
              {' — '}
              {files.length
                ? t('send.files', { smart_count: files.length, names: files.map((doc) => doc.name).join(', ') })
                : t('send.missing_item')}
            </li>
          );
        })}
      </ul>
      {problem && <ErrorMessage>{problem}</ErrorMessage>}
      <div className="rd-actions">
        <button type="button" className="rd-button" onClick={() => void submit()} disabled={sending} aria-busy={sending}>
          {t(sending ? 'send.sending' : 'send.submit')}
        </button>
        <button type="button" className="rd-button rd-button-secondary" onClick={onBack} disabled={sending}>
          {t('send.back')}
        </button>
      </div>
    </section>
  );
};
