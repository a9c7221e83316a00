import type { PublicCase } from './api';
import type { Translate } from './i18n';
import { StepHeading } from './parts';

/** After submission: received (answer within 72 hours), or the request's outcome when it is over. */
export const DoneStep = ({ view, t, onNewRequest }: { view: PublicCase; t: Translate; onNewRequest(): void }) => {
  const waiting = view.status === 'submitted' || view.status === 'in_review';
  return (
    <section className="rd-card rd-done" aria-labelledby="step-title">
      <StepHeading>{waiting ? t('done.title') : t('page_title')}</StepHeading>
      <p role="status" className={waiting ? 'rd-success rd-big' : 'rd-big'}>
        {view.status === 'submitted' ? t('done.text') : t(`closed.${view.status}`)}
      </p>
      <p>{t('done.reference', { ref: view.caseId.slice(0, 8) })}</p>
      <p className="rd-hint">{t('done.genuine')}</p>
      {!waiting && (
        <button type="button" className="rd-button" onClick={onNewRequest}>
          {t('new_request')}
        </button>
      )}
    </section>
  );
};
