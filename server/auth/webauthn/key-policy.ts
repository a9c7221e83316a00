import type { AppConfig } from '../../core/config/config';

/** At most this many keys per person: enough for a daily key and spares, not a collection. */
export const MAX_KEYS_PER_STAFF = 10;

/** True when one of these roles must sign in with a security key (SECURITY_KEY_REQUIRED_ROLES). */
export function keyRequiredFor(config: AppConfig, roles: readonly string[]): boolean {
  return roles.some((role) => config.webauthn.requiredRoles.includes(role));
}
