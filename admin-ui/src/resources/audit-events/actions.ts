import app from '../../i18n/en/app';

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

/** Single actions: those the console translates (recovery actions go by their family). */
export const KNOWN_ACTIONS = Object.keys(app.rd.audit.action);

/** The action filter is kept as one comma-separated string, so the URL and the export carry it as the API takes it. */
export const splitActions = (value: unknown): string[] =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];

export const joinActions = (values: unknown): string => (Array.isArray(values) ? values.join(',') : '');
