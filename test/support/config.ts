import { ConfigError, loadConfig } from '../../server/core/config/config';

/** The message loadConfig refuses `env` with; fails the test when it accepts it or throws anything else. */
export function configProblem(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.message;
    throw e;
  }
  throw new Error('expected a ConfigError');
}
