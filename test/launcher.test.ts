import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const LAUNCHER = path.resolve(__dirname, '../server/bin/node-with-allocator.sh');

/**
 * server/bin/node-with-allocator.sh starts every process of the product. What the node it starts really runs with
 * is read from inside that node: its V8 flags (process.execArgv) and the allocator's environment.
 */
describe('the launcher (server/bin/node-with-allocator.sh)', () => {
  let dir: string;
  let probe: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'rd-launcher-'));
    probe = path.join(dir, 'probe.js');
    writeFileSync(
      probe,
      `process.stdout.write(JSON.stringify({ flags: process.execArgv, args: process.argv.slice(2), arenas: process.env.MALLOC_ARENA_MAX, mmap: process.env.MALLOC_MMAP_THRESHOLD_ }));`,
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function launch(args: string[], env: Record<string, string | undefined> = {}) {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
    for (const k of ['ROLE', 'V8_MAX_SEMI_SPACE_MB', 'MALLOC_ARENA_MAX', 'MALLOC_MMAP_THRESHOLD_']) if (!(k in env)) delete childEnv[k];
    const { stdout } = await run('sh', [LAUNCHER, probe, ...args], { env: childEnv });
    return JSON.parse(stdout) as { flags: string[]; args: string[]; arenas: string; mmap: string };
  }

  it("gives the worker role 2 MB semi-spaces, and the api and all roles V8's own choice", async () => {
    const worker = await launch(['worker']);
    expect(worker.flags).toEqual(['--heap-growing-percent=100', '--max-semi-space-size=2']);
    expect(worker.args).toEqual(['worker']);
    expect(worker.arenas).toBe('1');
    expect(worker.mmap).toBe('131072');
    for (const role of ['api', 'all']) expect((await launch([role])).flags).toEqual(['--heap-growing-percent=100']);
    // No role argument: main.ts then reads ROLE, and so does the launcher.
    expect((await launch([])).flags).toEqual(['--heap-growing-percent=100']);
    expect((await launch([], { ROLE: 'worker' })).flags).toContain('--max-semi-space-size=2');
    expect((await launch(['--loop'], { ROLE: 'worker' })).args).toEqual(['--loop']);
    // The argument wins over ROLE, as in main.ts.
    expect((await launch(['api'], { ROLE: 'worker' })).flags).not.toContain('--max-semi-space-size=2');
  });

  it("lets the environment choose: a size for any role, empty for V8's own choice", async () => {
    expect((await launch(['worker'], { V8_MAX_SEMI_SPACE_MB: '8' })).flags).toContain('--max-semi-space-size=8');
    expect((await launch(['api'], { V8_MAX_SEMI_SPACE_MB: '32' })).flags).toContain('--max-semi-space-size=32');
    expect((await launch(['worker'], { V8_MAX_SEMI_SPACE_MB: '' })).flags).toEqual(['--heap-growing-percent=100']);
    expect((await launch(['worker'], { MALLOC_ARENA_MAX: '2' })).arenas).toBe('2');
  });
});
