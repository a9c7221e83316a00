import type { AccountType } from '../accounts/customer-account.entity';
import type { Decision, IdentityType, ProcessingState } from './case-document.entity';
import { allRequiredAccepted, checklist, missingForSubmit, requiredKinds } from './checklist';
import { isCalendarDay, oldestAcceptedIssue, proofDateProblem } from './document-rules';

let n = 0;
const doc = (kind: string, o: { state?: ProcessingState; decision?: Decision | null; identityType?: IdentityType | null } = {}) =>
  ({
    id: `d${++n}`,
    kind,
    state: o.state ?? 'processed',
    decision: o.decision ?? null,
    identityType: o.identityType ?? null,
    createdAt: new Date(n * 1000),
  }) as never;
const ok = (kind: string, identityType?: IdentityType) => doc(kind, { decision: 'accepted', identityType });

describe('checklist per account type and variant', () => {
  const cases: [AccountType, 'standard' | 'moved' | 'hosted', string[]][] = [
    ['individual', 'standard', ['identity_front', 'proof_of_address']],
    ['individual', 'moved', ['identity_front', 'old_proof_of_address', 'proof_of_address']],
    ['individual', 'hosted', ['identity_front', 'host_proof_of_address', 'hosting_attestation']],
    ['company', 'standard', ['identity_front', 'company_registration']],
    ['public_administration', 'standard', ['identity_front', 'business_register_notice', 'attestation_letterhead']],
    ['association', 'standard', ['identity_front', 'assembly_minutes', 'declaration_receipt', 'attestation_letterhead']],
    ['sole_trader', 'standard', ['identity_front', 'business_register_notice']],
  ];
  it.each(cases)('%s (%s) needs its own documents', (type, variant, kinds) => {
    expect(requiredKinds(type, variant)).toEqual(kinds);
    expect(checklist(type, [], variant).map((i) => i.kind)).toEqual(kinds);
    expect(missingForSubmit(type, [], variant)).toEqual(kinds);
  });

  it.each(cases)('%s (%s) is verified with a passport and each proof accepted, not with one proof short', (type, variant, kinds) => {
    const all = [ok('identity_front', 'passport'), ...kinds.slice(1).map((k) => ok(k))];
    expect(allRequiredAccepted(type, all, variant)).toBe(true);
    expect(allRequiredAccepted(type, all.slice(0, -1), variant)).toBe(false);
  });

  it('ignores the variant for organisations', () => {
    expect(requiredKinds('company', 'hosted')).toEqual(requiredKinds('company', 'standard'));
  });

  it('does not verify a moved individual on the new address alone, nor a hosted one without the attestation', () => {
    const id = ok('identity_front', 'passport');
    expect(allRequiredAccepted('individual', [id, ok('proof_of_address')], 'moved')).toBe(false);
    expect(missingForSubmit('individual', [id, doc('proof_of_address')], 'moved')).toEqual(['old_proof_of_address']);
    expect(allRequiredAccepted('individual', [id, ok('host_proof_of_address')], 'hosted')).toBe(false);
    expect(allRequiredAccepted('individual', [id, ok('proof_of_address')], 'standard')).toBe(true);
  });
});

describe('identity documents: front and back by type', () => {
  it.each(['id_card', 'residence_permit', 'driving_licence'] as const)('a %s needs an accepted front AND back', (type) => {
    const front = ok('identity_front', type);
    const proof = ok('proof_of_address');
    const [item] = checklist('individual', [front, proof]);
    expect(item).toMatchObject({ status: 'incomplete', missing: ['identity_back'], identityType: type });
    expect(allRequiredAccepted('individual', [front, proof])).toBe(false);
    expect(allRequiredAccepted('individual', [front, proof, ok('identity_back', type)])).toBe(true);
  });

  it('a passport needs its photo page only', () => {
    const [item] = checklist('individual', [ok('identity_front', 'passport')]);
    expect(item).toMatchObject({ status: 'accepted', missing: [], identityType: 'passport' });
  });

  it('the type the customer stated asks for the back before submitting', () => {
    expect(missingForSubmit('company', [doc('identity_front', { identityType: 'id_card' }), doc('company_registration')])).toEqual([
      'identity_back',
    ]);
    expect(missingForSubmit('company', [doc('identity_front', { identityType: 'passport' }), doc('company_registration')])).toEqual([]);
    expect(missingForSubmit('company', [doc('identity_back', { identityType: 'id_card' }), doc('company_registration')])).toEqual([
      'identity_front',
    ]);
  });

  it('the reviewer’s type wins over the customer’s', () => {
    const front = doc('identity_front', { decision: 'accepted', identityType: 'id_card' });
    const back = doc('identity_back', { identityType: 'passport' });
    expect(checklist('individual', [back, front])[0]).toMatchObject({ identityType: 'id_card', status: 'to_review', missing: [] });
  });

  it('waits for the back when it is still being reviewed, and a rejected side rejects the item', () => {
    const front = ok('identity_front', 'id_card');
    expect(checklist('individual', [front, doc('identity_back', { identityType: 'id_card' })])[0].status).toBe('to_review');
    expect(checklist('individual', [front, doc('identity_back', { decision: 'rejected' })])[0].status).toBe('rejected');
  });

  it('a back sent with an unknown type is required; a passport’s stray back does not hold the case', () => {
    expect(checklist('individual', [doc('identity_front'), doc('identity_back')])[0].documentIds).toHaveLength(2);
    expect(allRequiredAccepted('individual', [ok('identity_front', 'passport'), doc('identity_back'), ok('proof_of_address')])).toBe(true);
  });

  it('a document asked again no longer counts; the new upload does', () => {
    const asked = doc('proof_of_address', { decision: 'reupload' });
    const id = ok('identity_front', 'passport');
    expect(checklist('individual', [id, asked])[1]).toMatchObject({ status: 'missing', documentIds: [], missing: ['proof_of_address'] });
    expect(allRequiredAccepted('individual', [id, asked, ok('proof_of_address')])).toBe(true);
  });
});

describe('proof dates: under 3 months on the decision day', () => {
  const today = new Date('2026-12-01T10:00:00Z');
  it('accepts the day exactly 3 months back and refuses the day before', () => {
    expect(oldestAcceptedIssue(today)).toBe('2026-09-01');
    expect(proofDateProblem('2026-09-01', today)).toBeNull();
    expect(proofDateProblem('2026-08-31', today)).toBe('proof_too_old');
  });
  it('accepts today and refuses tomorrow', () => {
    expect(proofDateProblem('2026-12-01', today)).toBeNull();
    expect(proofDateProblem('2026-12-02', today)).toBe('proof_in_future');
  });
  it('clamps to the end of a shorter month and knows leap years', () => {
    expect(oldestAcceptedIssue(new Date('2026-05-31T00:00:00Z'))).toBe('2026-02-28');
    expect(oldestAcceptedIssue(new Date('2028-05-31T00:00:00Z'))).toBe('2028-02-29');
    expect(oldestAcceptedIssue(new Date('2027-01-15T23:59:59Z'))).toBe('2026-10-15');
  });
  it('refuses what is not a calendar day', () => {
    expect(isCalendarDay('2026-02-30')).toBe(false);
    expect(isCalendarDay('2026-2-3')).toBe(false);
    expect(proofDateProblem('2026-13-01', today)).toBe('proof_date_invalid');
  });
});
