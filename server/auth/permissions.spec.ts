import { unpackRules } from '@casl/ability/extra';
import { createMongoAbility } from '@casl/ability';
import { ACTIONS, AppAbility, asSubject, defineAbilityFor, packAbility, SUBJECTS } from './permissions';
import type { StaffRole } from './staff-user.entity';

const ME = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';
const ability = (...roles: StaffRole[]) => defineAbilityFor({ id: ME, roles });

function grants(a: AppAbility): string[] {
  const out: string[] = [];
  for (const s of SUBJECTS) for (const act of ACTIONS) if (a.can(act, s)) out.push(`${act} ${s}`);
  return out.sort();
}

/** What each role may do, written out whole: a grant added or lost fails here. */
const GRANTS: Record<StaffRole, string[]> = {
  agent: [
    'create CallerVerification',
    'create Case',
    'create RecoveryCase',
    'lock Account',
    'notify Account',
    'read Account',
    'read CallScript',
    'read CallerVerification',
    'read Case',
    'read RecoveryCase',
    'unmask Account',
    'update CallerVerification',
    'update Case',
    'update RecoveryCase',
  ],
  reviewer: ['read Account', 'read Case', 'read Document', 'review Case'],
  supervisor: [
    'approve RecoveryCase',
    'execute RecoveryCase',
    'export AuditEvent',
    'lock Account',
    'read Account',
    'read Alert',
    'read AuditEvent',
    'read CallScript',
    'read Case',
    'read Dashboard',
    'read Document',
    'read OutboxMessage',
    'read RecoveryCase',
    'read StaffUser',
    'unlock Account',
    'update Alert',
    'update CallScript',
    'update RecoveryCase',
    'verify AuditEvent',
  ],
  admin: ['create StaffUser', 'read ApiDocs', 'read Queue', 'read StaffUser', 'update Queue', 'update StaffUser'],
};

describe('permission rules', () => {
  it('denies everything without a role', () => {
    expect(grants(ability())).toEqual([]);
  });

  it.each(Object.keys(GRANTS) as StaffRole[])('grants %s exactly its list (deny by default)', (role) => {
    expect(grants(ability(role))).toEqual(GRANTS[role]);
  });

  it.each([
    ['supervisor', 'admin'],
    ['agent', 'reviewer'],
  ] as [StaffRole, StaffRole][])('combines %s and %s as a union', (a, b) => {
    const union = [...new Set([...GRANTS[a], ...GRANTS[b]])].sort();
    expect(grants(ability(a, b))).toEqual(union);
    expect(union.length).toBeGreaterThan(Math.max(GRANTS[a].length, GRANTS[b].length));
  });

  it('lets an admin change another staff member but never themselves', () => {
    const a = ability('admin');
    expect(a.can('update', asSubject('StaffUser', { id: OTHER }))).toBe(true);
    expect(a.can('update', asSubject('StaffUser', { id: ME }))).toBe(false);
  });

  it('keeps an agent to the verifications of their own calls', () => {
    const a = ability('agent');
    expect(a.can('update', asSubject('CallerVerification', { agentId: ME }))).toBe(true);
    expect(a.can('read', asSubject('CallerVerification', { agentId: OTHER }))).toBe(false);
  });

  it('keeps an agent to the cases they opened', () => {
    const a = ability('agent');
    expect(a.can('read', asSubject('Case', { openedBy: ME }))).toBe(true);
    expect(a.can('read', asSubject('Case', { openedBy: OTHER }))).toBe(false);
    expect(a.can('read', asSubject('Case', { openedBy: null }))).toBe(false);
    expect(a.can('read', asSubject('Case', { openedBy: OTHER, status: 'verified' }))).toBe(true);
    expect(a.can('update', asSubject('Case', { openedBy: OTHER, status: 'verified' }))).toBe(false);
    expect(ability('reviewer').can('read', asSubject('Case', { openedBy: null }))).toBe(true);
  });

  it('packs rules that the console can unpack into the same decisions', () => {
    const original = ability('admin');
    const unpacked = createMongoAbility(unpackRules(packAbility(original)));
    expect(unpacked.can('update', asSubject('StaffUser', { id: ME }))).toBe(false);
    expect(unpacked.can('update', asSubject('StaffUser', { id: OTHER }))).toBe(true);
    expect(unpacked.can('read', 'AuditEvent')).toBe(false);
  });
});
