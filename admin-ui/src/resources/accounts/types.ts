import type { Schemas } from '../../api/types';
import { everyValue } from '../../api/types';

// The answers' shapes come from the server's OpenAPI document (admin-ui/src/api/schema.d.ts, `npm run api:types`).

export type AccountType = Schemas['AccountSummaryResponse']['accountType'];
export type AccountStatus = Schemas['AccountSummaryResponse']['status'];

/** One search result, `GET /api/accounts?q=`: contact data masked; `match` says how the search found it. */
export type AccountSummary = Schemas['AccountSummaryResponse'] & Partial<Pick<Schemas['AccountSearchHit'], 'match'>>;

export type TwoFactorMethod = Schemas['TwoFactorMethodResponse'];
export type TwoFactorKind = TwoFactorMethod['kind'];

/** `GET /api/accounts/:id`: the account page, masked. */
export type AccountDetail = Schemas['AccountDetailResponse'] & Partial<Pick<Schemas['AccountSearchHit'], 'match'>>;

/** `POST /api/accounts/:id/unmask`: the contact data in full, for the agent of a verified call. */
export type UnmaskedContact = Schemas['UnmaskedContactResponse'];

/** One entry of the account's security timeline, `GET /api/accounts/:id/events`. */
export type SecurityEvent = Schemas['SecurityEventResponse'];

export type CodeChannel = Schemas['CodeSentResponse']['channel'];
export type StatedField = Schemas['StatedValueDto']['field'];
export const STATED_FIELDS: StatedField[] = [...everyValue<StatedField>()(['backup_email', 'phone', 'postal_code'])];
export type CheckResult = Schemas['VerificationCheckResponse']['result'];

/** The checks of one call, `GET /api/verifications/:id`. */
export type Verification = Schemas['VerificationResponse'];
export type CodeSent = Schemas['CodeSentResponse'];
export type CodeCheck = Schemas['CodeCheckResponse'];
export type StatedCheck = Schemas['StatedCheckResponse'];
