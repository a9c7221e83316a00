import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import * as ts from 'typescript';

/**
 * The layer order (docs/architecture.md): a module imports only modules to its right. `app` is the entry level:
 * the files at the root of server/ (main, root module, health) and the command-line tools in cli/.
 */
const ORDER = [
  'app',
  'events',
  'supervision',
  'recovery',
  'documents',
  'accounts',
  'staff',
  'auth',
  'notifications',
  'audit',
  'core',
] as const;
const APP_FOLDERS = new Set(['cli']);
const SERVER = __dirname;

export interface Edge {
  file: string;
  specifier: string;
  /** The import resolved to a path relative to server/ (or outside it, starting with `..`). */
  target: string;
}

/** The layer of a path relative to server/: its top folder, or `app` for the entry level. */
export function layerOf(path: string): string {
  const parts = path.split(sep).join('/').split('/');
  if (parts.length === 1 || APP_FOLDERS.has(parts[0])) return 'app';
  return parts[0];
}

/** Every import, export-from, require and dynamic import of one file that points inside the project. */
export function relativeImports(file: string, source: string): Edge[] {
  const { importedFiles } = ts.preProcessFile(source, true, true);
  return importedFiles
    .filter((i) => i.fileName.startsWith('.'))
    .map((i) => ({ file, specifier: i.fileName, target: relative(SERVER, resolve(SERVER, dirname(file), i.fileName)) }));
}

/** The edges that break the order, as `file → import` lines; an unknown folder is a break too (place it first). */
export function violations(edges: Edge[]): string[] {
  const rank = (layer: string) => (ORDER as readonly string[]).indexOf(layer);
  const out: string[] = [];
  for (const e of edges) {
    if (e.target.startsWith('..')) continue;
    const from = layerOf(e.file);
    const to = layerOf(e.target);
    if (rank(from) < 0) out.push(`${e.file}: folder ${from} is not in the layer order`);
    else if (rank(to) < 0) out.push(`${e.file} → ${e.specifier}: folder ${to} is not in the layer order`);
    else if (rank(to) < rank(from)) out.push(`${e.file} → ${e.specifier}: ${from} may not import ${to}, which stands above it`);
  }
  return out;
}

/** What a controller may not hold: SQL and its handles belong to the module's services and query files. */
const SQL_IN_CONTROLLER = /\b(createQueryBuilder|getRepository|DataSource|EntityManager)\b|\.(query|transaction)\(/;

export function controllersWithSql(files: { file: string; source: string }[]): string[] {
  return files.filter((f) => f.file.endsWith('.controller.ts') && SQL_IN_CONTROLLER.test(f.source)).map((f) => f.file);
}

/**
 * Where reads may be written: a module's reads beyond a findOneBy live in its one query file (`*-queries.service.ts`;
 * the audit's is audit-query.service.ts). Elsewhere a query builder only writes (`createQueryBuilder()` then
 * update/insert/delete), raw SQL only writes or takes an advisory lock, and a find has no order or relations.
 * Reads taken as locks (`findOne({ lock })`) stay with the write they guard.
 */
const READ_HOMES: { pattern: RegExp; why: string }[] = [
  { pattern: /-quer(y|ies)\.service\.ts$/, why: "the module's query file" },
  { pattern: /^core\/(database|limits)\//, why: 'the database tooling (migrations, keyset, hot reads) and the limiter own their SQL' },
  { pattern: /^cli\/|\/demo-[a-z-]+\.ts$/, why: 'seeds and command-line tools, not request paths' },
  { pattern: /^health\.service\.ts$/, why: 'the probe is `SELECT 1`' },
  { pattern: /^accounts\/name-search\.ts$/, why: "the name search's SQL text, pure and unit-tested, run by accounts-queries" },
  { pattern: /^audit\/audit\.service\.ts$/, why: '`SELECT … FROM audit_append(…)` appends: a write' },
  { pattern: /\.spec\.ts$/, why: 'tests' },
];
const READS: { pattern: RegExp; what: string }[] = [
  { pattern: /createQueryBuilder\((?!\s*\)\s*\.(update|insert|delete)\()/g, what: 'a query builder that reads' },
  { pattern: /[`'"]\s*SELECT\b(?!\s+pg_advisory_xact_lock\()/g, what: 'a SELECT' },
  { pattern: /\.(find|findOne|findOneOrFail|findAndCount)\(\{[^;]*?\b(order|relations)\s*:/g, what: 'a find with order or relations' },
];

/** Reads outside their module's query file, as `file:line: what` lines. */
export function readsOutsideQueryFiles(files: { file: string; source: string }[]): string[] {
  return files
    .filter((f) => !READ_HOMES.some((h) => h.pattern.test(f.file.split(sep).join('/'))))
    .flatMap((f) =>
      READS.flatMap((r) =>
        [...f.source.matchAll(r.pattern)].map((m) => {
          const line = f.source.slice(0, m.index).split('\n').length;
          return `${f.file}:${line}: ${r.what}`;
        }),
      ),
    );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(path);
    return d.name.endsWith('.ts') ? [path] : [];
  });
}

describe('layers', () => {
  it('every server module imports only the modules below it', () => {
    const files = sourceFiles(SERVER);
    expect(files.length).toBeGreaterThan(100);
    const edges = files.flatMap((f) => relativeImports(relative(SERVER, f), readFileSync(f, 'utf8')));
    expect(violations(edges)).toEqual([]);
  });

  it('controllers hold no SQL: they validate, call one service method and answer', () => {
    const files = sourceFiles(SERVER).map((f) => ({ file: relative(SERVER, f), source: readFileSync(f, 'utf8') }));
    expect(controllersWithSql(files)).toEqual([]);
    expect(
      controllersWithSql([
        { file: 'x/x.controller.ts', source: 'const rows = await this.dataSource.getRepository(X).find();' },
        { file: 'x/y.controller.ts', source: 'return this.ds.query(`SELECT 1`);' },
        { file: 'x/x.service.ts', source: "qb = repo.createQueryBuilder('x');" },
      ]),
    ).toEqual(['x/x.controller.ts', 'x/y.controller.ts']);
  });

  it("reads live in their module's query file; services keep only writes and the locks they take", () => {
    const files = sourceFiles(SERVER).map((f) => ({ file: relative(SERVER, f), source: readFileSync(f, 'utf8') }));
    expect(readsOutsideQueryFiles(files)).toEqual([]);
    expect(
      readsOutsideQueryFiles([
        { file: 'x/x.service.ts', source: "const n = await m.getRepository(X).createQueryBuilder('x').getCount();" },
        {
          file: 'x/y.service.ts',
          source: "await m.query('UPDATE x SET a = 1');\nconst [r] = await m.query(`\n  SELECT count(*) FROM x`);",
        },
        {
          file: 'x/z.service.ts',
          source:
            "await m.createQueryBuilder().update(X).set({ a: 1 }).execute();\nawait m.query('SELECT pg_advisory_xact_lock($1)', [k]);",
        },
        {
          file: 'x/w.service.ts',
          source:
            "repo.find({ where: { id: In(ids) }, order: { at: 'ASC' } });\nrepo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });",
        },
        { file: 'x/x-queries.service.ts', source: "return m.getRepository(X).createQueryBuilder('x').getMany();" },
      ]),
    ).toEqual([
      'x/x.service.ts:1: a query builder that reads',
      'x/y.service.ts:2: a SELECT',
      'x/w.service.ts:1: a find with order or relations',
    ]);
  });

  it('names the file and the import of an upward edge, and reads every form of import', () => {
    const source = [
      "import { RequirePermission } from '../auth/policy.decorator';",
      "export { maskEmail } from '../accounts/masking';",
      "const x = require('../recovery/recovery.service');",
      "const y = import('../core/clock');",
      "import type { Actor } from './actor';",
    ].join('\n');
    const edges = relativeImports(join('audit', 'audit.service.ts'), source);
    expect(edges.map((e) => e.target.split(sep).join('/'))).toEqual([
      'auth/policy.decorator',
      'accounts/masking',
      'recovery/recovery.service',
      'core/clock',
      'audit/actor',
    ]);
    expect(violations(edges)).toEqual([
      'audit/audit.service.ts → ../auth/policy.decorator: audit may not import auth, which stands above it',
      'audit/audit.service.ts → ../accounts/masking: audit may not import accounts, which stands above it',
      'audit/audit.service.ts → ../recovery/recovery.service: audit may not import recovery, which stands above it',
    ]);
  });

  it('lets the entry level import everything and rejects a folder missing from the order', () => {
    expect(violations(relativeImports('main.ts', "import { x } from './supervision/a';"))).toEqual([]);
    expect(violations(relativeImports(join('cli', 'seed.ts'), "import { x } from '../staff/demo-staff';"))).toEqual([]);
    expect(violations(relativeImports(join('billing', 'x.ts'), "import { y } from '../core/clock';"))).toEqual([
      'billing/x.ts: folder billing is not in the layer order',
    ]);
  });
});
