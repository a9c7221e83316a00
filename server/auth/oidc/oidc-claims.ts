import type { OidcConfig } from '../../core/config/config';
import type { StaffRole } from '../staff-user.entity';
import type { OidcErrorCode } from './oidc.errors';

/** The claims of a sign-in: the ID token's, completed by the userinfo endpoint's (the ID token wins). */
export type Claims = Record<string, unknown>;

/**
 * The second factor is the provider's: refuses a sign-in whose ID token does not show it. `acr` must be one of the
 * accepted values; `amr` must list every required method. Read from the ID token only, which the provider issues
 * for this very sign-in (bound to our nonce), never from userinfo.
 */
export function secondFactorProblem(idToken: Claims, config: Pick<OidcConfig, 'requiredAcr' | 'requiredAmr'>): OidcErrorCode | null {
  if (config.requiredAcr.length && !(typeof idToken.acr === 'string' && config.requiredAcr.includes(idToken.acr))) return 'acr_required';
  const amr = Array.isArray(idToken.amr) ? idToken.amr.filter((m): m is string => typeof m === 'string') : [];
  if (config.requiredAmr.some((m) => !amr.includes(m))) return 'amr_required';
  return null;
}

/** A claim by dotted path (`realm_access.roles`); a claim whose own name holds dots is found first. */
export function claimAt(claims: Claims, path: string): unknown {
  if (path in claims) return claims[path];
  let value: unknown = claims;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/**
 * The roles the provider's claim allows: each claim value through the role map (or taken as a role name when
 * there is no map). Null when no roles claim is configured: nothing to narrow. A missing claim allows nothing.
 */
export function rolesAllowedByClaims(claims: Claims, config: Pick<OidcConfig, 'rolesClaim' | 'roleMap'>): string[] | null {
  if (!config.rolesClaim) return null;
  const raw = claimAt(claims, config.rolesClaim);
  const values = (Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/\s+/) : []).filter(
    (v): v is string => typeof v === 'string',
  );
  const mapped = Object.keys(config.roleMap).length ? values.flatMap((v) => config.roleMap[v] ?? []) : values;
  return [...new Set(mapped)];
}

/**
 * Roles are granted in Recovery Desk: a claim can only narrow them (the intersection), so a provider group alone
 * never makes anyone a supervisor or an admin. Null: no limit (all the member's roles).
 */
export function narrowRoles(granted: readonly StaffRole[], allowed: string[] | null): StaffRole[] | null {
  return allowed === null ? null : granted.filter((r) => allowed.includes(r));
}
