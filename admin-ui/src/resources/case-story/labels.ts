import type { useTranslate } from 'react-admin';
import { auditActionLabel } from '../audit-events/fields';
import type { StoryItem } from './api';

type Translate = ReturnType<typeof useTranslate>;

const str = (v: string | number | boolean | null | undefined) => (v === null || v === undefined ? '' : String(v));

/** What happened, in the reader's language: never the raw code the server sends. */
export function itemLabel(translate: Translate, item: StoryItem): string {
  const p = item.params;
  const documentKind = () => translate(`cases.kind.${str(p.documentKind)}`, { _: translate('story.unknown') });
  switch (item.kind) {
    case 'audit':
      return auditActionLabel(translate, item.code);
    case 'mail':
      return translate('story.mail', { template: translate(`story.template.${item.code}`, { _: translate('story.template.other') }) });
    case 'check':
      return translate('story.check', {
        check: translate(`story.check_kind.${item.code}`, { _: translate('story.unknown') }),
        subject: translate(`story.check_subject.${str(p.subject)}`, { _: translate('story.unknown') }),
      });
    case 'document':
      return translate('story.document', { kind: documentKind() });
    case 'decision':
      return translate(`story.decision.${item.code}`, {
        _: translate('story.unknown'),
        kind: documentKind(),
        action: translate(`recovery.action.${str(p.action)}`, { _: '' }),
        purpose: translate(`cases.purpose.${str(p.purpose)}`, { _: '' }),
      });
  }
}

/** The values beside it: a result, a state, where a mail went, a hash; translated where they are codes. */
export function itemDetails(translate: Translate, item: StoryItem): string[] {
  const p = item.params;
  const out: string[] = [];
  if (item.kind === 'audit' && p.outcome && p.outcome !== 'success') out.push(translate(`rd.audit.outcome.${str(p.outcome)}`, { _: '' }));
  if (item.kind === 'mail') {
    out.push(translate('story.detail.to', { to: str(p.to) }));
    out.push(translate(`rd.outbox.status.${str(p.status)}`, { _: '' }));
  }
  if (item.kind === 'check') {
    out.push(translate(`story.check_result.${str(p.result)}`, { _: '' }));
    if (p.callReference) out.push(translate('story.detail.call', { ref: str(p.callReference) }));
  }
  if (item.kind === 'document') {
    out.push(translate(`cases.state.${item.code}`, { _: '' }));
    if (p.sha256) out.push(translate('story.detail.sha256', { hash: str(p.sha256).slice(0, 16) }));
  }
  if (item.kind === 'decision' && p.reason)
    out.push(translate(`story.reason.${str(p.reason)}`, { _: translate('story.detail.with_reason') }));
  return out.filter(Boolean);
}
