/**
 * The arithmetic every benchmark shares: percentiles of latencies, the median and spread of paired rounds, and
 * the verdict against a goal. A verdict is given only when the whole spread (every round) falls on one side of
 * the goal; a spread that straddles it is "undecided" (issue 14: a number that flatters is worse than a miss).
 */

export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function median(values: readonly number[]): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export interface Spread {
  median: number;
  min: number;
  max: number;
  n: number;
}

export function spread(values: readonly number[]): Spread {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), n: values.length };
}

export interface Latencies {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function latencies(times: readonly number[]): Latencies {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1] : NaN,
  };
}

/** A goal as the issue states it: `value >= threshold` (throughput ratios) or `value <= threshold` (latency, bytes). */
export interface Goal {
  op: '>=' | '<=';
  threshold: number;
}

export type Verdict = 'PASS' | 'MISS' | 'UNDECIDED';

export function meets(goal: Goal, value: number): boolean {
  return Number.isFinite(value) && (goal.op === '>=' ? value >= goal.threshold : value <= goal.threshold);
}

/** PASS when every round meets the goal, MISS when none does, UNDECIDED when the rounds disagree. */
export function judge(goal: Goal, values: readonly number[]): Verdict {
  if (!values.length) return 'MISS';
  const met = values.filter((v) => meets(goal, v)).length;
  if (met === values.length) return 'PASS';
  if (met === 0) return 'MISS';
  return 'UNDECIDED';
}
