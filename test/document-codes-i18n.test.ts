import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/**
 * Every stable refusal code of the documents module is translated where a person reads it: in the review console
 * (cases.codes, FR and EN) and, for what a customer can meet on the public form, in the form (codes, FR and EN).
 * Read from the sources as text: the console's files are browser code, not loaded here.
 */
const root = path.join(__dirname, '..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

/** `.because('code')`, plus the proof-date codes returned by document-rules.ts and passed on as they are. */
function serverCodes(file: string): string[] {
  const text = read(file);
  const found = [...text.matchAll(/\.because\('([a-z0-9_]+)'\)/g)].map(m => m[1]);
  // `.because(fields.identityType ? 'identity_type_required' : 'identity_fields_required')`
  for (const m of text.matchAll(/\.because\([^)]*?\?\s*'([a-z0-9_]+)'\s*:\s*'([a-z0-9_]+)'\)/g)) found.push(m[1], m[2]);
  return [...new Set(found)];
}

const documentFiles = readdirSync(path.join(root, 'server/documents'))
  .filter(f => f.endsWith('.ts') && !f.endsWith('.spec.ts'))
  .map(f => `server/documents/${f}`);
const proofCodes = [...read('server/documents/document-rules.ts').matchAll(/'(proof_[a-z_]+)'/g)].map(m => m[1]);

/** Keys of the `codes: { … }` blocks of an i18n file, in order (EN block first, FR second). */
function codeBlocks(file: string): string[][] {
  const text = read(file);
  return [...text.matchAll(/\n {2}codes: \{\n([\s\S]*?)\n {2}\},/g)].map(m => [...m[1].matchAll(/^ {4}([a-z0-9_]+):/gm)].map(k => k[1]));
}

/** Codes only staff routes give (opening a case by phone, choosing 2FA methods): the form never meets them. */
const STAFF_ONLY = ['contact_choice', 'contact_on_file_not_for_replacement', 'no_backup_email', 'unknown_2fa_method'];

describe('documents refusal codes are translated', () => {
  const all = [...new Set([...documentFiles.flatMap(serverCodes), ...proofCodes])];

  it('finds the codes it checks', () => {
    expect(all).toEqual(expect.arrayContaining(['not_the_requested_document', 'proof_too_old', 'identity_type_required', 'reason_not_for_decision']));
  });

  it('in the review console, in English and French', () => {
    const [en, fr] = [codeBlocks('admin-ui/src/i18n/en/identity-cases.ts')[0], codeBlocks('admin-ui/src/i18n/fr/identity-cases.ts')[0]];
    expect(all.filter(code => !en.includes(code))).toEqual([]);
    expect(all.filter(code => !fr.includes(code))).toEqual([]);
  });

  it('on the customer form, in English and French, for the public routes', () => {
    const [en, fr] = [codeBlocks('admin-ui/src/i18n/en/form.ts')[0], codeBlocks('admin-ui/src/i18n/fr/form.ts')[0]];
    const publicCodes = serverCodes('server/documents/cases.service.ts').filter(code => !STAFF_ONLY.includes(code));
    expect(publicCodes.length).toBeGreaterThan(3);
    expect(publicCodes.filter(code => !en.includes(code))).toEqual([]);
    expect(publicCodes.filter(code => !fr.includes(code))).toEqual([]);
  });
});
