import { Extensions1795611540000 } from './1795611540000-Extensions';
import { Init1795612072174 } from './1795612072174-Init';
import { AuditAppendOnly1795612072200 } from './1795612072200-AuditAppendOnly';
import { SearchFold1795612072300 } from './1795612072300-SearchFold';
import { Accounts1795613203408 } from './1795613203408-Accounts';
import { AccountSearchIndex1795613203500 } from './1795613203500-AccountSearchIndex';
import { IdentityCases1795614759061 } from './1795614759061-IdentityCases';
import { DocumentPurge1795615123385 } from './1795615123385-DocumentPurge';
import { RecoveryCases1795615208050 } from './1795615208050-RecoveryCases';
import { Alerts1795616178021 } from './1795616178021-Alerts';
import { StaffMfaResets1795616617266 } from './1795616617266-StaffMfaResets';
import { AuditAppendFunction1795620000000 } from './1795620000000-AuditAppendFunction';
import { LimitHits1796072601314 } from './1796072601314-LimitHits';
import { AuditFullPass1796072646098 } from './1796072646098-AuditFullPass';
import { StaffInvitations1796072769712 } from './1796072769712-StaffInvitations';
import { FormLanguage1796072917292 } from './1796072917292-FormLanguage';
import { AccountLockPhoneRegion1796094091972 } from './1796094091972-AccountLockPhoneRegion';
import { CallScripts1796094167138 } from './1796094167138-CallScripts';
import { DocumentRules1796094193751 } from './1796094193751-DocumentRules';
import { RecoveryClosedCode1796113720396 } from './1796113720396-RecoveryClosedCode';
import { TwoFactorChoice1796094195957 } from './1796094195957-TwoFactorChoice';
import { AlertSubjects1796114768284 } from './1796114768284-AlertSubjects';
import { AuditExplorer1796114850088 } from './1796114850088-AuditExplorer';
import { SecurityWebhookCursors1796139883092 } from './1796139883092-SecurityWebhookCursors';
import { OidcSignIn1796140017492 } from './1796140017492-OidcSignIn';
import { SecurityKeys1796140120184 } from './1796140120184-SecurityKeys';
import { NameSearchWords1796200000000 } from './1796200000000-NameSearchWords';
import { NameSearchCandidates1796200000001 } from './1796200000001-NameSearchCandidates';

/**
 * In order. Generated migrations (`npm run migration:generate -- migrations/Name`) are added here by hand:
 * no globs, so jest and the compiled build load the same list.
 */
export const migrations = [
  Extensions1795611540000, Init1795612072174, AuditAppendOnly1795612072200, SearchFold1795612072300,
  Accounts1795613203408, AccountSearchIndex1795613203500, IdentityCases1795614759061,
  DocumentPurge1795615123385, RecoveryCases1795615208050, Alerts1795616178021,
  StaffMfaResets1795616617266, AuditAppendFunction1795620000000,
  LimitHits1796072601314, AuditFullPass1796072646098, StaffInvitations1796072769712, FormLanguage1796072917292,
  AccountLockPhoneRegion1796094091972, CallScripts1796094167138, DocumentRules1796094193751, TwoFactorChoice1796094195957,
  RecoveryClosedCode1796113720396, AlertSubjects1796114768284, AuditExplorer1796114850088, SecurityWebhookCursors1796139883092,
  OidcSignIn1796140017492, SecurityKeys1796140120184, NameSearchWords1796200000000, NameSearchCandidates1796200000001,
];
