import { AbilityBuilder, createMongoAbility, ForcedSubject, MongoAbility, MongoQuery, subject } from '@casl/ability';
import { packRules, PackRule } from '@casl/ability/extra';
import type { StaffRole } from './staff-user.entity';
import { adminRules } from './rules/admin.rules';
import { agentRules } from './rules/agent.rules';
import { reviewerRules } from './rules/reviewer.rules';
import { supervisorRules } from './rules/supervisor.rules';

/** The one vocabulary of permissions. Routes, services and the console speak only these words. */
export const ACTIONS = [
  'read',
  'create',
  'update',
  'delete',
  'verify',
  'export',
  'unmask',
  'notify',
  'approve',
  'execute',
  'review',
  'lock',
  'unlock',
] as const;
export type Action = (typeof ACTIONS)[number];

export const SUBJECTS = [
  'AuditEvent',
  'StaffUser',
  'Queue',
  'Account',
  'CallerVerification',
  'OutboxMessage',
  'Case',
  'Document',
  'RecoveryCase',
  'Alert',
  'Dashboard',
  'CallScript',
  'ApiDocs',
] as const;
export type SubjectName = (typeof SUBJECTS)[number];

/** A loaded row tagged with its subject name (`subject('StaffUser', row)`), for record-level checks. */
export type SubjectRecord = { [K in SubjectName]: ForcedSubject<K> & Record<string, unknown> }[SubjectName];
export type AppAbility = MongoAbility<[Action, SubjectName | SubjectRecord], MongoQuery>;
/** Tags the fields of a loaded row with their subject name, for `ability.can(action, asSubject(...))`. */
export function asSubject(name: SubjectName, fields: Record<string, unknown>): SubjectRecord {
  return subject(name, { ...fields });
}

export type RuleBuilder = AbilityBuilder<AppAbility>;

/** Who the rules are built for: only the fields conditions may refer to. */
export interface RuleSubject {
  id: string;
  roles: StaffRole[];
}

export type RoleRules = (can: RuleBuilder['can'], cannot: RuleBuilder['cannot'], user: RuleSubject) => void;

const RULES_BY_ROLE: Record<StaffRole, RoleRules> = {
  agent: agentRules,
  reviewer: reviewerRules,
  supervisor: supervisorRules,
  admin: adminRules,
};

/** Deny by default: an action is allowed only where one of the user's roles grants it. */
/**
 * Abilities are a pure function of the staff member's id and roles, and never changed once built: the guard asks
 * for one on every request, so they are kept (a role change makes a new key; at most ABILITY_CACHE_SIZE kept).
 */
const ABILITY_CACHE_SIZE = 1_000;
const abilities = new Map<string, AppAbility>();

export function defineAbilityFor(user: RuleSubject): AppAbility {
  const key = `${user.id}\u0000${[...user.roles].sort().join(',')}`;
  const known = abilities.get(key);
  if (known) return known;
  const ability = buildAbility(user);
  if (abilities.size >= ABILITY_CACHE_SIZE) abilities.delete(abilities.keys().next().value!);
  abilities.set(key, ability);
  return ability;
}

function buildAbility(user: RuleSubject): AppAbility {
  const builder = new AbilityBuilder<AppAbility>(createMongoAbility);
  for (const role of user.roles) {
    const rules = RULES_BY_ROLE[role];
    if (rules) rules(builder.can, builder.cannot, user);
  }
  return builder.build();
}

export function packAbility(ability: AppAbility): PackRule<AppAbility['rules'][number]>[] {
  return packRules(ability.rules);
}
