import type { AccountType } from '../accounts/customer-account.entity';
import { IDENTITY_KINDS, TWO_SIDED } from './case-document.entity';
import type { CaseDocument, DocumentKind, IdentityType } from './case-document.entity';
import type { AddressVariant } from './identity-case.entity';

/**
 * The provider's required documents by account type (domain.md), the identity document first. `identity_front`
 * stands for the whole identity document: its back is required too when the document has two sides.
 */
export const REQUIRED_BY_TYPE: Record<AccountType, DocumentKind[]> = {
  individual: ['identity_front', 'proof_of_address'],
  company: ['identity_front', 'company_registration'],
  public_administration: ['identity_front', 'business_register_notice', 'attestation_letterhead'],
  association: ['identity_front', 'assembly_minutes', 'declaration_receipt', 'attestation_letterhead'],
  sole_trader: ['identity_front', 'business_register_notice'],
};

/** The individual checklist by address variant: moved = old and new address; hosted = host's proof + attestation. */
export const INDIVIDUAL_BY_VARIANT: Record<AddressVariant, DocumentKind[]> = {
  standard: ['identity_front', 'proof_of_address'],
  moved: ['identity_front', 'old_proof_of_address', 'proof_of_address'],
  hosted: ['identity_front', 'host_proof_of_address', 'hosting_attestation'],
};

/** What a case needs, by account type and (for individuals) address variant. Other types ignore the variant. */
export function requiredKinds(accountType: string, variant: AddressVariant | null | undefined = 'standard'): DocumentKind[] {
  if (accountType === 'individual') return INDIVIDUAL_BY_VARIANT[variant ?? 'standard'] ?? INDIVIDUAL_BY_VARIANT.standard;
  return REQUIRED_BY_TYPE[accountType as AccountType] ?? REQUIRED_BY_TYPE.individual;
}

/** Whose identity document the reviewer reads, by account type. */
export const IDENTITY_HOLDER: Record<AccountType, string> = {
  individual: 'the account holder',
  company: 'the legal manager',
  public_administration: 'the mayor or a deputy',
  association: 'the president',
  sole_trader: 'the account holder',
};

/** `incomplete`: part of the item is accepted and the rest (`missing`) was never sent, e.g. an ID card's back. */
export type ItemStatus = 'missing' | 'processing' | 'to_review' | 'incomplete' | 'accepted' | 'rejected' | 'unusable';

export interface ChecklistItem {
  /** The item: a document kind, `identity_front` standing for the whole identity document. */
  kind: DocumentKind;
  status: ItemStatus;
  /** Every document counted for the item (documents asked again are left out). */
  documentIds: string[];
  /** What the item still lacks: kinds never sent (or only unusable), e.g. `identity_back`. Empty when complete. */
  missing: DocumentKind[];
  /** Identity item only: the type the reviewer confirmed, else the one the customer stated; null when unknown. */
  identityType?: IdentityType | null;
}

type Doc = Pick<CaseDocument, 'id' | 'kind' | 'state' | 'decision'> & Partial<Pick<CaseDocument, 'identityType' | 'createdAt'>>;

/** Documents that still count: those the reviewer asked again are superseded by the new upload. */
const live = <D extends Pick<CaseDocument, 'decision'>>(docs: D[]) => docs.filter((d) => d.decision !== 'reupload');

export function itemStatus(docs: Pick<CaseDocument, 'state' | 'decision'>[]): ItemStatus {
  docs = live(docs);
  if (!docs.length) return 'missing';
  if (docs.some((d) => d.decision === 'rejected')) return 'rejected';
  if (docs.some((d) => d.decision === 'accepted')) return 'accepted';
  if (docs.some((d) => d.state === 'processed')) return 'to_review';
  if (docs.every((d) => d.state === 'rejected' || d.state === 'quarantined')) return 'unusable';
  return 'processing';
}

/**
 * The identity document's type: the reviewer's (on an accepted side) wins over the customer's statement (the
 * latest side sent). Null when nobody said.
 */
export function identityTypeOf(docs: Doc[]): IdentityType | null {
  const ids = live(docs).filter((d) => IDENTITY_KINDS.includes(d.kind));
  const accepted = ids.find((d) => d.decision === 'accepted' && d.identityType);
  if (accepted) return accepted.identityType!;
  const stated = ids.filter((d) => d.identityType).sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0));
  return stated[0]?.identityType ?? null;
}

/** The sides an identity document needs: both for a two-sided type; for an unknown type, the back once one was sent. */
export function identitySides(type: IdentityType | null, docs: Doc[]): DocumentKind[] {
  if (type) return TWO_SIDED.includes(type) ? ['identity_front', 'identity_back'] : ['identity_front'];
  return live(docs).some((d) => d.kind === 'identity_back') ? ['identity_front', 'identity_back'] : ['identity_front'];
}

const RANK: ItemStatus[] = ['rejected', 'unusable', 'processing', 'to_review', 'missing', 'accepted'];

function identityItem(docs: Doc[]): ChecklistItem {
  const type = identityTypeOf(docs);
  const sides = identitySides(type, docs);
  const ofSides = live(docs).filter((d) => sides.includes(d.kind));
  const statuses = sides.map((k) => itemStatus(ofSides.filter((d) => d.kind === k)));
  const missing = sides.filter((_, i) => statuses[i] === 'missing' || statuses[i] === 'unusable');
  let status = RANK.find((s) => statuses.includes(s)) ?? 'missing';
  if (status === 'missing' && statuses.includes('accepted')) status = 'incomplete';
  return { kind: 'identity_front', status, documentIds: ofSides.map((d) => d.id), missing, identityType: type };
}

export function checklist(accountType: string, docs: Doc[], variant: AddressVariant | null = 'standard'): ChecklistItem[] {
  return requiredKinds(accountType, variant).map((kind) => {
    if (kind === 'identity_front') return identityItem(docs);
    const ofKind = live(docs).filter((d) => d.kind === kind);
    const status = itemStatus(ofKind);
    return { kind, status, documentIds: ofKind.map((d) => d.id), missing: status === 'missing' || status === 'unusable' ? [kind] : [] };
  });
}

/**
 * Verified: every required item accepted, and every back sent for a two-sided identity document accepted (a
 * two-sided document comes in two files). A passport's stray back is not required, so it does not hold the case.
 */
export function allRequiredAccepted(accountType: string, docs: Doc[], variant: AddressVariant | null = 'standard'): boolean {
  const items = checklist(accountType, docs, variant);
  const identity = items.find((i) => i.kind === 'identity_front');
  const backsCount = identity ? identitySides(identity.identityType ?? null, docs).includes('identity_back') : false;
  const backs = live(docs).filter((d) => d.kind === 'identity_back');
  return items.every((i) => i.status === 'accepted') && (!backsCount || backs.every((d) => d.decision === 'accepted'));
}

/**
 * What the customer must still send before submitting: per item, the kinds with no usable file yet (undecided
 * files count as sent; the reviewer reads them).
 */
export function missingForSubmit(accountType: string, docs: Doc[], variant: AddressVariant | null = 'standard'): DocumentKind[] {
  return checklist(accountType, docs, variant).flatMap((i) => (i.status === 'rejected' ? [] : i.missing));
}
