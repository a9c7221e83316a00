/**
 * `npm run bench`: every benchmark of issue 14 in turn, each in its own process (`node dist/bench/<name>.js`),
 * then their results gathered into `bench/results/latest.md`: one line per goal with the median, the spread over the
 * rounds and the verdict (PASS, MISS, or undecided when the rounds straddle the goal), and the machine's load
 * before and after each. `npm run bench -- lookup names` runs only those, and the table keeps the other benchmarks'
 * last results (each with its own start time and load); `npm run bench -- --collect` only rewrites the table.
 *
 * Run it on a quiet machine: servers, PostgreSQL and the load generator share its cores. A first run seeds the
 * bench databases (a million accounts, five million audit entries: several minutes, kept for later runs).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeLoad, describeSpan, machineLine, machineLoad, stealShare, type MachineLoad } from './lib/machine';
import { formatValue, resultsDir, verdictText, type BenchReport } from './lib/report';

/** In the issue's order: S1, S2, S3 and the export, S4, S5. */
const BENCHES = [
  { name: 'lookup', covers: 'S1 lookup by customer ID' },
  { name: 'names', covers: 'S2 name search' },
  { name: 'audit', covers: 'S3 audit paging, CSV export' },
  { name: 'documents', covers: 'S4 documents' },
  { name: 'console', covers: 'S5 console' },
];

function main(): void {
  const collect = process.argv.includes('--collect');
  const only = process.argv.slice(2).filter((a) => a !== '--collect');
  const chosen = collect ? [] : only.length ? BENCHES.filter((b) => only.includes(b.name)) : BENCHES;
  if (only.length && chosen.length !== only.length) {
    console.error(`Unknown benchmark in ${only.join(', ')}; known: ${BENCHES.map((b) => b.name).join(', ')}`);
    process.exit(2);
  }
  const dir = resultsDir();
  fs.mkdirSync(dir, { recursive: true });
  const started = machineLoad();
  const startedAt = new Date().toISOString();
  const failed: string[] = [];
  for (const bench of chosen) {
    const file = path.join(dir, `${bench.name}.json`);
    fs.rmSync(file, { force: true });
    console.log(`\n=== ${bench.name}: ${bench.covers} ===`);
    const run = spawnSync(process.execPath, [path.join(__dirname, `${bench.name}.js`)], { stdio: 'inherit', env: process.env });
    if (run.status !== 0 || !fs.existsSync(file)) failed.push(`${bench.name} (exit ${run.status ?? run.signal})`);
  }
  const reports = BENCHES.map((b) => path.join(dir, `${b.name}.json`))
    .filter((f) => fs.existsSync(f))
    .map((f) => JSON.parse(fs.readFileSync(f, 'utf8')) as BenchReport);
  const partial = reports.some((r) => r.startedAt < startedAt);
  const md = markdown(reports, failed, partial ? null : { startedAt, started });
  fs.writeFileSync(path.join(dir, 'latest.md'), md);
  console.log(`\n${md}`);
  console.log(`Written to ${path.relative(process.cwd(), path.join(dir, 'latest.md'))}`);
  if (failed.length) process.exit(1);
}

const minute = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

/** `run` null: the table gathers benchmarks run at different times, each listed with its own start. */
function markdown(reports: BenchReport[], failed: string[], run: { startedAt: string; started: MachineLoad } | null): string {
  const lines = [
    `# Recovery Desk benchmarks`,
    ``,
    run !== null
      ? `Run ${minute(run.startedAt)} to ${minute(new Date().toISOString())} on ${machineLine()}; load average at the start ${describeLoad(run.started)} (1 / 5 / 15 min); ` +
        `the hypervisor's steal over the run ${(stealShare(run.started, machineLoad()) * 100).toFixed(1)} % of the machine's CPU time.`
      : `Gathered from separate runs on ${machineLine()}: ${reports.map((r) => `${r.bench} ${minute(r.startedAt)}`).join(', ')}; each line gives its load before and after (1 / 5 / 15 min) and the steal over its run.`,
    `Ratios are medians over paired rounds in alternating order; the spread is the lowest and highest round. A verdict`,
    `is given only when every round falls on the same side of the goal.`,
    ``,
    `| scenario | check | goal | median (min–max, rounds) | verdict | load before → after, steal |`,
    `|---|---|---|---|---|---|`,
  ];
  for (const r of reports) {
    for (const c of r.checks) {
      lines.push(
        `| ${c.scenario} | ${c.check} | ${c.goalText} | ${formatValue(c)} | ${verdictText(c.verdict)} | ${describeSpan(r.loadBefore, r.loadAfter)} |`,
      );
    }
  }
  for (const f of failed) lines.push(`| — | benchmark ${f} | — | did not finish | MISS | — |`);
  const notes = reports.flatMap((r) => r.notes.map((n) => `- ${r.bench}: ${n}`));
  if (notes.length) lines.push('', '## Notes', '', ...notes);
  return lines.join('\n') + '\n';
}

main();
