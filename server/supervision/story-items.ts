import { maskEmail } from '../accounts/masking';
import type { AuditEvent } from '../audit/audit-event.entity';
import { chainHash, GENESIS_HASH } from '../audit/audit-chain';
import type { CaseDocument } from '../documents/case-document.entity';
import type { IdentityCase } from '../documents/identity-case.entity';
import type { OutboxMessage } from '../notifications/outbox-message.entity';
import type { RecoveryCase } from '../recovery/recovery-case.entity';

// A case's story as items the console translates: pure mapping from rows, no I/O.

export type StoryItemKind = 'audit' | 'mail' | 'check' | 'document' | 'decision';
export type WhoKind = 'staff' | 'customer' | 'system';
export type CaseKind = 'recovery_case' | 'identity_case';

/** Who did it: a staff member by email and roles, the customer, or the system; never a bare id. */
export interface StoryWho {
  kind: WhoKind;
  email: string | null;
  roles: string[];
}

export interface StoryItem {
  at: string;
  kind: StoryItemKind;
  /** What happened, as a code the console translates (an audit action, a mail template, a decision…). */
  code: string;
  who: StoryWho;
  caseKind: CaseKind | null;
  /** The case's 8-character reference, as the screens show it. */
  caseRef: string | null;
  /** Values the console shows beside the code (document kind, result, masked address, hash…). */
  params: Record<string, string | number | boolean | null>;
  /** On audit entries: the entry's number in the chain and whether it verifies. */
  audit: { id: string; hash: string; prevHash: string; chain: 'verified' | 'broken' } | null;
}

export type StaffDirectory = Map<string, { email: string; roles: string[] }>;

export const SYSTEM: StoryWho = { kind: 'system', email: null, roles: [] };
export const CUSTOMER: StoryWho = { kind: 'customer', email: null, roles: [] };

export function staffWho(staff: StaffDirectory, id: string | null): StoryWho {
  const s = id ? staff.get(id) : undefined;
  return s ? { kind: 'staff', email: s.email, roles: [...s.roles].sort() } : SYSTEM;
}

export const ref8 = (id: string | null | undefined) => (id ? id.slice(0, 8) : null);

/** One entry verifies when its hash matches its content and its prevHash is the hash of the entry before it. */
export function entryVerifies(e: AuditEvent, previousHash: string | null | undefined): boolean {
  const intact = chainHash(e.prevHash, e) === e.hash;
  const linked = e.prevHash === (previousHash ?? GENESIS_HASH);
  return intact && linked;
}

/**
 * An audit entry: staff by the email it recorded, else the customer when it came from outside (an address on the
 * request), else the system (a scheduled job).
 */
export function auditItem(e: AuditEvent, kindOf: (caseId: string | null) => CaseKind | null, verified: boolean): StoryItem {
  const who: StoryWho = e.actorEmail ? { kind: 'staff', email: e.actorEmail, roles: [...e.actorRoles].sort() } : e.ip ? CUSTOMER : SYSTEM;
  return {
    at: e.at.toISOString(),
    kind: 'audit',
    code: e.action,
    who,
    caseKind: kindOf(e.caseId),
    caseRef: ref8(e.caseId),
    params: { outcome: e.outcome, targetType: e.targetType },
    audit: { id: e.id, hash: e.hash, prevHash: e.prevHash, chain: verified ? 'verified' : 'broken' },
  };
}

export function mailItem(m: OutboxMessage): StoryItem {
  return {
    at: m.createdAt.toISOString(),
    kind: 'mail',
    code: m.template,
    who: SYSTEM,
    caseKind: null,
    caseRef: null,
    params: { to: maskEmail(m.toAddress), status: m.status, sentAt: m.sentAt ? m.sentAt.toISOString() : null },
    audit: null,
  };
}

export function checkItem(
  c: { at: Date; kind: string; subject: string; result: string; agent_id: string; call_reference: string },
  staff: StaffDirectory,
): StoryItem {
  return {
    at: new Date(c.at).toISOString(),
    kind: 'check',
    code: c.kind,
    who: staffWho(staff, c.agent_id),
    caseKind: null,
    caseRef: null,
    params: { subject: c.subject, result: c.result, callReference: c.call_reference },
    audit: null,
  };
}

/** A document as uploaded, with its processing state and hash; its decision is a decision item. */
export function documentItems(d: CaseDocument, staff: StaffDirectory): StoryItem[] {
  const base = { caseKind: 'identity_case' as const, caseRef: ref8(d.caseId), audit: null };
  const items: StoryItem[] = [
    {
      ...base,
      at: d.createdAt.toISOString(),
      kind: 'document',
      code: d.state,
      who: d.uploadedBy ? staffWho(staff, d.uploadedBy) : CUSTOMER,
      params: { documentKind: d.kind, documentRef: ref8(d.id), sha256: d.sha256, detectedType: d.detectedType, scanVerdict: d.scanVerdict },
    },
  ];
  if (d.decision && d.decidedAt) {
    items.push({
      ...base,
      at: d.decidedAt.toISOString(),
      kind: 'decision',
      code: `document.${d.decision}`,
      who: staffWho(staff, d.decidedBy),
      params: { documentKind: d.kind, documentRef: ref8(d.id), reason: d.decisionReason },
    });
  }
  return items;
}

export function identityCaseDecisions(c: IdentityCase, staff: StaffDirectory): StoryItem[] {
  const base = { kind: 'decision' as const, caseKind: 'identity_case' as const, caseRef: ref8(c.id), audit: null };
  const items: StoryItem[] = [];
  if (c.submittedAt)
    items.push({
      ...base,
      at: c.submittedAt.toISOString(),
      code: 'identity_case.submitted',
      who: CUSTOMER,
      params: { purpose: c.purpose },
    });
  if (c.decidedAt && (c.status === 'verified' || c.status === 'rejected'))
    items.push({
      ...base,
      at: c.decidedAt.toISOString(),
      code: `identity_case.${c.status}`,
      who: staffWho(staff, c.reviewerId),
      params: { purpose: c.purpose, reason: c.rejectionReason },
    });
  return items;
}

export function recoveryCaseDecisions(c: RecoveryCase, staff: StaffDirectory): StoryItem[] {
  const base = { kind: 'decision' as const, caseKind: 'recovery_case' as const, caseRef: ref8(c.id), audit: null };
  const params = { action: c.action };
  const items: StoryItem[] = [
    { ...base, at: c.createdAt.toISOString(), code: 'recovery.opened', who: staffWho(staff, c.openedBy), params },
  ];
  if (c.approvedAt)
    items.push({ ...base, at: c.approvedAt.toISOString(), code: 'recovery.approved', who: staffWho(staff, c.approvedBy), params });
  if (c.executedAt) items.push({ ...base, at: c.executedAt.toISOString(), code: 'recovery.executed', who: SYSTEM, params });
  if (c.reportedAt) items.push({ ...base, at: c.reportedAt.toISOString(), code: 'recovery.reported', who: CUSTOMER, params });
  return items;
}

const KIND_ORDER: Record<StoryItemKind, number> = { check: 0, document: 1, decision: 2, audit: 3, mail: 4 };

/** Time order; at the same instant checks, documents and decisions before their audit entry and the mail it sent. */
export function byTime(a: StoryItem, b: StoryItem): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  if (a.kind !== b.kind) return KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
  if (a.audit && b.audit) return Number(BigInt(a.audit.id) - BigInt(b.audit.id));
  return 0;
}
