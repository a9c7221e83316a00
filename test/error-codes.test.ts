import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ERROR_STATUS, ErrorCatalogue } from '../server/core/http/errors';
import { errorsEn } from '../admin-ui/src/i18n/en/errors';
import { errorsFr } from '../admin-ui/src/i18n/fr/errors';

/**
 * Every module's error codes (its `<module>.errors.ts`) map to an HTTP status and are translated in the console, in
 * English and French, with no key left over; a translation uses only the params the server's message has.
 * Unit test: the catalogues and the console's message files are plain data.
 */
const root = path.join(__dirname, '..');

function filesUnder(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

const errorFiles = filesUnder('server').filter((f) => f.endsWith('.errors.ts'));
const isCatalogue = (v: unknown): v is ErrorCatalogue<string> =>
  typeof v === 'function' && Array.isArray((v as { codes?: unknown }).codes) && typeof (v as { module?: unknown }).module === 'string';
let catalogues: { file: string; found: ErrorCatalogue<string>[] }[] = [];
let all: ErrorCatalogue<string>[] = [];
beforeAll(async () => {
  catalogues = await Promise.all(
    errorFiles.map(async (file) => ({
      file,
      found: Object.values((await import(path.join(root, file))) as Record<string, unknown>).filter(isCatalogue),
    })),
  );
  all = catalogues.flatMap((c) => c.found);
});
const placeholders = (text: string) => [...text.matchAll(/%\{(\w+)\}/g)].map((m) => m[1]).sort();
type Translations = Record<string, Record<string, string>>;

describe('error codes', () => {
  it('come from one catalogue per module, named after it', () => {
    for (const { file, found } of catalogues) {
      expect({ file, modules: found.map((c) => c.module) }).toEqual({ file, modules: [path.basename(file, '.errors.ts')] });
    }
    expect(all.map((c) => c.module).sort()).toEqual(
      expect.arrayContaining(['accounts', 'audit', 'auth', 'core', 'documents', 'recovery', 'staff', 'supervision']),
    );
  });

  it('map every code to an HTTP status', () => {
    for (const c of all) {
      for (const code of c.codes)
        expect({ code: `${c.module}.${code}`, status: ERROR_STATUS[c.statusOf(code)] }).toEqual({
          code: `${c.module}.${code}`,
          status: expect.any(Number),
        });
    }
  });

  it('give the error its module code, status and English message', () => {
    const c = all.find((x) => x.module === 'documents')!;
    const e = c('too_large', { maxMb: 10, maxBytes: 10_485_760 });
    expect([e.code, e.status, e.message, e.params]).toEqual([
      'documents.too_large',
      'payload_too_large',
      'A file is larger than the limit (10 MB)',
      { maxMb: 10, maxBytes: 10_485_760 },
    ]);
  });

  it.each([
    ['English', errorsEn.errors as Translations],
    ['French', errorsFr.errors as Translations],
  ])('are all translated in %s, with no key left over and only the params the server gives', (_language, translations) => {
    expect(Object.keys(translations).sort()).toEqual(all.map((c) => c.module).sort());
    for (const c of all) {
      const keys = Object.keys(translations[c.module] ?? {});
      expect({
        module: c.module,
        missing: c.codes.filter((code) => !keys.includes(code)),
        extra: keys.filter((k) => !c.codes.includes(k)),
      }).toEqual({ module: c.module, missing: [], extra: [] });
      for (const code of c.codes) {
        const text = translations[c.module][code];
        const unknown = placeholders(text).filter((p) => !placeholders(c.messages[code]).includes(p));
        expect({ code: `${c.module}.${code}`, unknown }).toEqual({ code: `${c.module}.${code}`, unknown: [] });
      }
    }
  });

  it('are the only way domain errors are made', () => {
    const direct = filesUnder('server')
      .filter((f) => f.endsWith('.ts') && !f.endsWith('errors.ts'))
      .filter((f) => /new DomainError\(/.test(readFileSync(path.join(root, f), 'utf8')));
    expect(direct).toEqual([]);
  });
});
