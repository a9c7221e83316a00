import { DocumentSlot, formatDate } from './DocumentsStep';
import { StepHeading, type StepProps } from './parts';
import { missingLabel, statedIdentityType } from './slots';

/**
 * The reviewer asked for one document again (unreadable, cut, glare…): the page says why, in the customer's
 * language, and offers that document's slot only. The file sent sends the request back to review at once.
 */
export const ReuploadStep = ({ access, view, t, locale, refresh }: StepProps) => {
  const asked = view.reupload;
  const type = statedIdentityType(view);
  const kind = asked?.kind ?? null;
  const holder = t(`holder.${view.accountType}`);
  const identity = kind === 'identity_front' || kind === 'identity_back';
  const label = kind ? missingLabel(kind, type, t) : '';
  const reason = asked?.reason ? t(`reupload.reason.${asked.reason}`) : '';
  // Asked for a document never sent (not a new copy of one sent).
  const missing = asked?.reason === 'missing';
  return (
    <section className="rd-card" aria-labelledby="step-title" data-testid="reupload-step">
      <StepHeading>{t(missing ? 'reupload.title_missing' : 'reupload.title')}</StepHeading>
      {kind ? (
        <>
          <p className="rd-big" data-testid="reupload-reason">
            {t(missing ? 'reupload.intro_missing' : 'reupload.intro', { document: label })} {reason.startsWith('reupload.') ? '' : reason}
          </p>
          {asked?.note && (
            <p data-testid="reupload-note">
              {t('reupload.note')} <q>{asked.note}</q>
            </p>
          )}
          <p className="rd-hint">{t(missing ? 'reupload.how_missing' : 'reupload.how')}</p>
          <p className="rd-hint">{t('documents.deadline', { date: formatDate(view.collectUntil, locale) })}</p>
          <DocumentSlot
            access={access}
            slot={identity ? { kind, side: kind === 'identity_back' ? 'back' : type === 'passport' ? 'page' : 'front' } : { kind }}
            title={label}
            hint={identity ? t('documents.identity_hint', { holder }) : t(`kind_hint.${kind}`, { holder })}
            mark={missing ? 'requested' : 'asked'}
            identityType={identity ? type : null}
            received={[]}
            t={t}
            locale={locale}
            refresh={refresh}
          />
        </>
      ) : (
        <p>{t('reupload.unknown')}</p>
      )}
    </section>
  );
};
