import type { CustomerAccount } from '../accounts/customer-account.entity';
import type { CaseDocument } from './case-document.entity';
import type { IdentityCase } from './identity-case.entity';
import { namesMatch, notExpired } from './name-match';

/**
 * What a reviewer confirms having seen before accepting: the case's duplicate flag (the same file on another
 * account's case) and a PDF's active content (scripts, launch actions, embedded files).
 */
export const ACK_FLAGS = ['duplicate_document', 'active_content'] as const;
export type AckFlag = (typeof ACK_FLAGS)[number];

/** PDF flags the `active_content` confirmation covers. */
const ACTIVE_PDF_FLAGS = ['active_content', 'attachment'];

/** The confirmations accepting this document needs, in ACK_FLAGS order. */
export function flagsToAcknowledge(c: Pick<IdentityCase, 'fraudFlags'>, doc: Pick<CaseDocument, 'pdfFlags'>): AckFlag[] {
  const needed: AckFlag[] = [];
  if (c.fraudFlags.includes('duplicate_document')) needed.push('duplicate_document');
  if (doc.pdfFlags.some((f) => ACTIVE_PDF_FLAGS.includes(f))) needed.push('active_content');
  return needed;
}

/** Whose name an identity document must carry: the holder, or the organisation's representative. */
export function expectedHolder(account: CustomerAccount): string {
  return ['individual', 'sole_trader'].includes(account.accountType) ? account.name : (account.legalRepresentative ?? account.name);
}

/**
 * The verdict on what the reviewer read on an identity document: the name against the account's, the expiry
 * against today. The decision and the live check before it use this one function.
 */
export function identityVerdict(account: CustomerAccount, holderName: string, expiry: string | undefined, now: Date) {
  const expectedName = expectedHolder(account);
  return {
    nameMatches: namesMatch(holderName, expectedName),
    expectedName,
    expired: expiry ? !notExpired(expiry, now) : null,
    today: now.toISOString().slice(0, 10),
  };
}
