import type { EntityManager } from 'typeorm';
import { CustomerAccount } from '../accounts/customer-account.entity';
import { looksLikeCustomerId, normalizeCustomerId } from '../accounts/customer-id';
import { isUuid } from '../core/ids';
import { IdentityCase } from '../documents/identity-case.entity';
import { RecoveryCase } from '../recovery/recovery-case.entity';
import { idsByPrefix } from './case-story-queries.service';
import { supervisionError } from './supervision.errors';

/** What a reference people type names: an account, or one case of either kind. */
export type CaseRef = { kind: 'account'; id: string } | { kind: 'recovery_case'; id: string } | { kind: 'identity_case'; id: string };

const SHORT = /^[0-9a-f]{8}$/i;

/**
 * The readings of a reference: a full UUID, the 8 characters the screens show (`1a2b3c4d`, a trailing `…`
 * tolerated) and/or a customer ID (`ab12345-ovh`; `abcd1234` reads both ways). None: 400 `case_ref_malformed`.
 */
export function refReadings(raw: string): { uuid?: string; short?: string; customerId?: string } {
  const value = raw.trim().replace(/…$/, '');
  if (isUuid(value)) return { uuid: value.toLowerCase() };
  const out: { short?: string; customerId?: string } = {};
  if (SHORT.test(value)) out.short = value.toLowerCase();
  if (value.length <= 40 && looksLikeCustomerId(value)) out.customerId = normalizeCustomerId(value);
  if (!out.short && !out.customerId) throw supervisionError('case_ref_malformed');
  return out;
}

/**
 * Resolves a reference to one account or case. `only` restricts it to one kind of case (the evidence routes): a
 * customer ID then names that account's only case of the kind. None: 404 `case_ref_not_found` (or the route's own
 * not-found error); several: 409 `case_ref_ambiguous` with how many matched.
 */
export async function resolveCaseRef(
  m: EntityManager,
  raw: string,
  only?: 'recovery_case' | 'identity_case',
  notFound: () => Error = () => supervisionError('case_ref_not_found', { ref: raw.trim().slice(0, 40) }),
): Promise<CaseRef> {
  const r = refReadings(raw);
  const kinds = only ? [only] : (['recovery_case', 'identity_case'] as const);
  const found: CaseRef[] = [];
  for (const kind of kinds) {
    const repo = kind === 'recovery_case' ? m.getRepository(RecoveryCase) : m.getRepository(IdentityCase);
    if (r.uuid && (await repo.existsBy({ id: r.uuid }))) found.push({ kind, id: r.uuid });
    if (r.short) {
      for (const id of await idsByPrefix(m, kind === 'recovery_case' ? 'recovery_cases' : 'identity_cases', r.short))
        found.push({ kind, id });
    }
  }
  if (r.customerId) found.push(...(await byCustomerId(m, r.customerId, only)));
  if (found.length > 1) throw supervisionError('case_ref_ambiguous', { ref: raw.trim().slice(0, 40), matches: found.length });
  if (!found.length) throw notFound();
  return found[0];
}

/** The account of a customer ID, or (`only`) its cases of that kind, at most 3. */
async function byCustomerId(m: EntityManager, customerId: string, only?: 'recovery_case' | 'identity_case'): Promise<CaseRef[]> {
  const account = await m.getRepository(CustomerAccount).findOneBy({ customerId });
  if (!only) return account ? [{ kind: 'account', id: account.id }] : [];
  if (only === 'recovery_case') {
    if (!account) return [];
    const rows = await m.getRepository(RecoveryCase).find({ where: { accountId: account.id }, select: { id: true }, take: 3 });
    return rows.map((c) => ({ kind: only, id: c.id }));
  }
  const where = account ? [{ accountId: account.id }, { customerIdGiven: customerId }] : [{ customerIdGiven: customerId }];
  const rows = await m.getRepository(IdentityCase).find({ where, select: { id: true }, take: 3 });
  return rows.map((c) => ({ kind: only, id: c.id }));
}
