import { useTranslate } from 'react-admin';
import { type AlertRecord } from '../../supervision/api';
import { auditActionLabel } from '../audit-events/fields';

type Translate = ReturnType<typeof useTranslate>;

export const ruleLabel = (translate: Translate, rule: string) => translate(`sup.alerts.rule.${rule}`, { _: rule });

/**
 * The alert in the reader's language: the rule's sentence with its params (the server's English summary is for
 * mails and logs). Every param a sentence uses has a value, so no `%{…}` placeholder ever shows.
 */
export const alertSummary = (translate: Translate, alert: AlertRecord) => {
  const p = alert.params ?? {};
  const s = alert.subject;
  const text = translate(`sup.alerts.summary.${alert.rule}`, {
    actorEmail: p.actorEmail ?? s.staffEmail ?? '—',
    count: p.count ?? '—',
    customerId: s.customerId ?? p.customerId ?? '—',
    caseRef: s.caseRef ?? p.caseRef ?? '—',
    action: typeof p.action === 'string' ? auditActionLabel(translate, p.action) : '—',
    hour: typeof p.hour === 'number' ? String(p.hour).padStart(2, '0') : '—',
    smart_count: typeof p.otherCases === 'number' ? p.otherCases : 1,
    _: ruleLabel(translate, alert.rule),
  });
  return p.threshold == null ? text : `${text} ${translate('sup.alerts.threshold', { threshold: p.threshold })}`;
};

/** What the subject is, as people name it: a customer ID, a staff email, a document and its case. */
export const subjectText = (translate: Translate, subject: AlertRecord['subject']) => {
  switch (subject.type) {
    case 'account':
      return subject.customerId ? translate('sup.alerts.subject.account', { customerId: subject.customerId }) : null;
    case 'staff':
      return subject.staffEmail ? translate('sup.alerts.subject.staff', { email: subject.staffEmail }) : null;
    case 'document':
      return translate('sup.alerts.subject.document', {
        kind: subject.documentKind ? translate(`cases.kind.${subject.documentKind}`, { _: subject.documentKind }) : '—',
        caseRef: subject.caseRef ?? '—',
        customerId: subject.customerId ?? '—',
      });
    case 'identity_case':
      return translate('sup.alerts.subject.identity_case', { caseRef: subject.caseRef ?? '—', customerId: subject.customerId ?? '—' });
    case 'audit_entry':
      return translate('sup.alerts.subject.audit_entry', { id: subject.id ?? '—' });
    default:
      return null;
  }
};
