import { useTranslate } from 'react-admin';
import { type AlertRecord } from '../../supervision/api';

export const ruleLabel = (translate: ReturnType<typeof useTranslate>, rule: string) => translate(`sup.alerts.rule.${rule}`, { _: rule });

/** The console's own wording where it has one for the rule; otherwise the summary the server wrote. */
export const alertSummary = (translate: ReturnType<typeof useTranslate>, alert: AlertRecord) =>
  translate(`sup.alerts.summary.${alert.rule}`, { ...alert.details, _: alert.summary });
