import app from '../../i18n/en/app';
import recoveryMessages from '../../i18n/en/recovery-cases';

/** The action families the picker offers (`recovery.*`): each takes every action of its prefix. */
export const ACTION_FAMILIES = [
  'account',
  'alert',
  'audit',
  'auth',
  'call_script',
  'case',
  'document',
  'evidence',
  'recovery',
  'staff',
  'verification',
] as const;

const { action: recoveryActions, audit_action: recoveryVerbs } = recoveryMessages.recovery;

/** Single actions: those the console translates, and each recovery action with each of its verbs. */
export const KNOWN_ACTIONS = [
  ...Object.keys(app.rd.audit.action),
  ...Object.keys(recoveryActions).flatMap((action) => Object.keys(recoveryVerbs).map((verb) => `recovery.${action}.${verb}`)),
];

/** The action filter is kept as one comma-separated string, so the URL and the export carry it as the API takes it. */
export const splitActions = (value: unknown): string[] =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];

export const joinActions = (values: unknown): string => (Array.isArray(values) ? values.join(',') : '');
