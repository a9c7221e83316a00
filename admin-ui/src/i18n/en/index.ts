import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';
import app from './app';
import audit from './audit';
import accounts from './accounts';
import callScripts from './call-scripts';
import caseStory from './case-story';
import enrol from './enrol';
import errors from './errors';
import identityCases from './identity-cases';
import recoveryCases from './recovery-cases';
import securityKeys from './security-keys';
import supervision from './supervision';

/**
 * The one place the console's messages are merged: one file per resource, each under its own namespace. The public
 * pages' messages (form.ts, link.ts) are not here: only the customer form's entry uses them.
 */
export const en: TranslationMessages = {
  ...englishMessages,
  ...app,
  ...audit,
  ...accounts,
  ...callScripts,
  ...caseStory,
  ...enrol,
  ...errors,
  ...identityCases,
  ...recoveryCases,
  ...securityKeys,
  ...supervision,
};
