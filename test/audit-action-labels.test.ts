import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import appEn from '../admin-ui/src/i18n/en/app';
import appFr from '../admin-ui/src/i18n/fr/app';
import { JOB_NAMES } from '../server/core/queue/jobs';
import { SCRIPT_KEYS } from '../server/accounts/call-scripts';
import { RECOVERY_ACTIONS } from '../server/recovery/recovery-state';
import recoveryEn from '../admin-ui/src/i18n/en/recovery-cases';
import recoveryFr from '../admin-ui/src/i18n/fr/recovery-cases';

/**
 * Every audit action the server writes has a name in both languages of the console, so the audit explorer, a
 * case's story and an alert's evidence never show `verification.code.check` to a person. The server's actions are
 * the quoted dotted names of its source (outside specs); the other dotted names it quotes (job names, call-script
 * keys, archive file names) are told apart by their own lists. `recovery.<action>.<verb>` is one pattern, checked
 * by its own translations. Unit test: source text and message files only.
 */
const root = path.join(__dirname, '..');
const PREFIXES = 'account|alert|audit|auth|call_script|case|document|evidence|queue|staff|verification';
const QUOTED = new RegExp(`'((?:${PREFIXES})\\.[a-z_]+(?:\\.[a-z_]+)*)'`, 'g');
/** Dotted names that are not audit actions. */
const NOT_ACTIONS = new Set<string>([...JOB_NAMES, ...SCRIPT_KEYS, 'evidence.json']);

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return sources(rel);
    return rel.endsWith('.ts') && !rel.endsWith('.spec.ts') ? [rel] : [];
  });
}

const written = [
  ...new Set(sources('server').flatMap((file) => [...readFileSync(path.join(root, file), 'utf8').matchAll(QUOTED)].map((m) => m[1]))),
]
  .filter((name) => !NOT_ACTIONS.has(name))
  .sort();

describe('audit action names in the console', () => {
  it('finds the actions the server writes (the scan itself works)', () => {
    expect(written).toEqual(expect.arrayContaining(['account.lock', 'verification.code.check', 'staff.roles.change', 'document.view']));
    expect(written).not.toContain('document.process');
  });

  it.each([
    ['en', appEn.rd.audit.action],
    ['fr', appFr.rd.audit.action],
  ])('names every one in %s', (_lang, labels: Record<string, string>) => {
    expect(written.filter((action) => !labels[action])).toEqual([]);
  });

  it('names the recovery actions and verbs of `recovery.<action>.<verb>` in both languages', () => {
    const text = sources('server')
      .map((file) => readFileSync(path.join(root, file), 'utf8'))
      .join('\n');
    // `recovery.${c.action}.approve` and `recovery.${…}.${to === 'rejected' ? 'reject' : 'cancel'}`.
    const verbs = new Set([...text.matchAll(/`recovery\.\$\{[^}]+\}\.([a-z_]+)`/g)].map((m) => m[1]));
    for (const m of text.matchAll(/'recovery\.[a-z_0-9]+\.([a-z_]+)'/g)) verbs.add(m[1]);
    for (const verb of ['reject', 'cancel', 'revert']) verbs.add(verb);
    expect([...verbs]).toEqual(expect.arrayContaining(['open', 'approve', 'execute', 'void']));
    for (const { recovery } of [recoveryEn, recoveryFr]) {
      expect([...verbs].filter((verb) => !(verb in recovery.audit_action))).toEqual([]);
      expect(RECOVERY_ACTIONS.filter((action) => !(action in recovery.action))).toEqual([]);
    }
  });
});
