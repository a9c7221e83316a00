import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeLoad, describeSpan, machineLine, machineLoad, type MachineLoad } from './machine';
import { judge, spread, type Goal, type Spread, type Verdict } from './stats';

/** One line of the issue's goal table, measured: the per-round values, their spread and the verdict. */
export interface CheckResult {
  scenario: string;
  /** What is compared, e.g. "throughput, full stack ÷ bare". */
  check: string;
  /** The goal as printed, e.g. "≥ 0.7×". */
  goalText: string;
  goal: Goal;
  unit: string;
  values: number[];
  spread: Spread;
  verdict: Verdict;
  /** What the baseline was, the workload, anything a reader needs to weigh the number. */
  detail?: string;
}

export function check(
  scenario: string,
  label: string,
  goal: Goal,
  values: number[],
  opts: { unit?: string; detail?: string; goalText?: string } = {},
): CheckResult {
  const unit = opts.unit ?? '×';
  return {
    scenario,
    check: label,
    goal,
    goalText: opts.goalText ?? `${goal.op === '>=' ? '≥' : '≤'} ${goal.threshold}${unit === '×' ? '×' : ` ${unit}`}`,
    unit,
    values,
    spread: spread(values),
    verdict: judge(goal, values),
    detail: opts.detail,
  };
}

const num = (n: number) =>
  !Number.isFinite(n) ? '—' : Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2);

export function formatValue(c: CheckResult): string {
  const u = c.unit === '×' ? '×' : ` ${c.unit}`;
  const s = c.spread;
  if (s.n <= 1) return `${num(s.median)}${u}`;
  return `${num(s.median)}${u} (${num(s.min)}–${num(s.max)}, ${s.n} rounds)`;
}

export function verdictText(v: Verdict): string {
  return v === 'UNDECIDED' ? 'undecided: rerun on a quiet machine' : v;
}

export function printCheck(c: CheckResult): void {
  const head = c.verdict === 'UNDECIDED' ? 'UNDECIDED' : c.verdict;
  console.log(
    `${head.padEnd(9)} ${c.scenario} ${c.check}: ${formatValue(c)}, goal ${c.goalText}${c.verdict === 'UNDECIDED' ? ' — undecided: rerun on a quiet machine' : ''}`,
  );
}

/** What one benchmark leaves for `npm run bench` to gather into bench/results/latest.md. */
export interface BenchReport {
  bench: string;
  machine: string;
  startedAt: string;
  loadBefore: MachineLoad;
  loadAfter: MachineLoad;
  checks: CheckResult[];
  notes: string[];
}

export function resultsDir(): string {
  return process.env.BENCH_RESULTS_DIR ?? path.resolve(process.cwd(), 'bench', 'results');
}

/** Starts a report: the machine and its load before anything runs. */
export function startReport(bench: string): BenchReport {
  const loadBefore = machineLoad();
  console.log(`${bench}: ${machineLine()}; load average before ${describeLoad(loadBefore)} (1 / 5 / 15 min)`);
  return { bench, machine: machineLine(), startedAt: loadBefore.at, loadBefore, loadAfter: loadBefore, checks: [], notes: [] };
}

/** Prints every check and the load after, and writes bench/results/<bench>.json. */
export function finishReport(report: BenchReport): void {
  report.loadAfter = machineLoad();
  console.log('');
  for (const c of report.checks) printCheck(c);
  for (const n of report.notes) console.log(`  note: ${n}`);
  console.log(
    `Load average (1 / 5 / 15 min) and the hypervisor's steal over the run: ${describeSpan(report.loadBefore, report.loadAfter)}`,
  );
  const dir = resultsDir();
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${report.bench}.json`), JSON.stringify(report, null, 2) + '\n');
}
