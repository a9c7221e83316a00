import type { AccountType } from '../accounts/customer-account.entity';
import type { CaseDocument, DocumentKind } from './case-document.entity';

/**
 * The provider's required documents by account type. An identity document counts once its front is accepted
 * (and its back, when one was sent: two-sided documents come in two files).
 */
export const REQUIRED_BY_TYPE: Record<AccountType, DocumentKind[]> = {
  individual: ['identity_front', 'proof_of_address'],
  company: ['identity_front', 'company_registration'],
  public_administration: ['identity_front', 'business_register_notice', 'attestation_letterhead'],
  association: ['identity_front', 'assembly_minutes', 'declaration_receipt', 'attestation_letterhead'],
  sole_trader: ['identity_front', 'business_register_notice'],
};

/** Whose identity document the reviewer reads, by account type. */
export const IDENTITY_HOLDER: Record<AccountType, string> = {
  individual: 'the account holder',
  company: 'the legal manager',
  public_administration: 'the mayor or a deputy',
  association: 'the president',
  sole_trader: 'the account holder',
};

export type ItemStatus = 'missing' | 'processing' | 'to_review' | 'accepted' | 'rejected' | 'unusable';

export interface ChecklistItem {
  kind: DocumentKind;
  status: ItemStatus;
  documentIds: string[];
}

export function itemStatus(docs: Pick<CaseDocument, 'state' | 'decision'>[]): ItemStatus {
  if (!docs.length) return 'missing';
  if (docs.some((d) => d.decision === 'rejected')) return 'rejected';
  if (docs.some((d) => d.decision === 'accepted')) return 'accepted';
  if (docs.some((d) => d.state === 'processed')) return 'to_review';
  if (docs.every((d) => d.state === 'rejected' || d.state === 'quarantined')) return 'unusable';
  return 'processing';
}

export function checklist(accountType: AccountType, docs: Pick<CaseDocument, 'id' | 'kind' | 'state' | 'decision'>[]): ChecklistItem[] {
  const required = REQUIRED_BY_TYPE[accountType] ?? REQUIRED_BY_TYPE.individual;
  return required.map((kind) => {
    const ofKind = docs.filter((d) => d.kind === kind);
    return { kind, status: itemStatus(ofKind), documentIds: ofKind.map((d) => d.id) };
  });
}

/** Verified: every required item accepted, and every document sent for a required kind decided. */
export function allRequiredAccepted(accountType: AccountType, docs: Pick<CaseDocument, 'id' | 'kind' | 'state' | 'decision'>[]): boolean {
  const backs = docs.filter((d) => d.kind === 'identity_back');
  return checklist(accountType, docs).every((i) => i.status === 'accepted') && backs.every((d) => d.decision === 'accepted');
}
