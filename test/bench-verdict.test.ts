import { alternate, pooled, type LoadResult } from '../bench/lib/load';
import { describeSpan, stealShare, type MachineLoad } from '../bench/lib/machine';
import { check } from '../bench/lib/report';
import { judge, latencies, median, spread } from '../bench/lib/stats';

// The verdict arithmetic of every benchmark (issue 14): a verdict only when every round lands on the same side.
describe('bench verdicts', () => {
  const atLeast = { op: '>=', threshold: 0.7 } as const;
  const atMost = { op: '<=', threshold: 1.2 } as const;

  it('passes only when every round meets the goal', () => {
    expect(judge(atLeast, [0.71, 0.8, 0.75, 0.9, 0.7])).toBe('PASS');
    expect(judge(atMost, [1.0, 1.2, 1.1, 0.9, 1.05])).toBe('PASS');
  });

  it('misses when no round meets it', () => {
    expect(judge(atLeast, [0.5, 0.69, 0.6, 0.4, 0.55])).toBe('MISS');
    expect(judge(atMost, [1.3, 1.21, 2, 1.5, 1.4])).toBe('MISS');
  });

  it('refuses a verdict when the spread straddles the goal, whatever the median says', () => {
    expect(judge(atLeast, [0.9, 0.95, 0.92, 0.91, 0.6])).toBe('UNDECIDED');
    expect(judge(atMost, [1.1, 1.3, 1.0, 1.0, 1.0])).toBe('UNDECIDED');
  });

  it('treats a missing or non-finite measurement as a miss, never a pass', () => {
    expect(judge(atLeast, [])).toBe('MISS');
    expect(judge(atLeast, [NaN, NaN])).toBe('MISS');
    expect(judge(atLeast, [0.8, NaN])).toBe('UNDECIDED');
  });

  it('reports the median and the spread of the rounds', () => {
    expect(median([3, 1, 2, 10])).toBe(2.5);
    expect(spread([0.8, 0.7, 0.9, 0.75, 0.85])).toEqual({ median: 0.8, min: 0.7, max: 0.9, n: 5 });
    const c = check('S1', 'throughput', atLeast, [0.8, 0.7, 0.9, 0.75, 0.85]);
    expect(c).toMatchObject({ verdict: 'PASS', goalText: '≥ 0.7×', spread: { median: 0.8, min: 0.7, max: 0.9 } });
    expect(check('S5', 'JS', { op: '<=', threshold: 300 }, [312], { unit: 'kB gz' })).toMatchObject({
      verdict: 'MISS',
      goalText: '≤ 300 kB gz',
    });
  });

  it('takes exact percentiles of latencies', () => {
    const times = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(latencies(times)).toEqual({ n: 100, p50: 50, p95: 95, p99: 99, max: 100 });
  });

  it('alternates the two sides of a round slice by slice, the first side opening it (A B B A A B)', async () => {
    const calls: string[] = [];
    const got = await alternate('bare', 'full', 3, 2, async (side, seconds) => {
      calls.push(`${side}:${seconds}`);
      return calls.length;
    });
    expect(calls).toEqual(['bare:2', 'full:2', 'full:2', 'bare:2', 'bare:2', 'full:2']);
    expect(got).toEqual({ bare: [1, 4, 5], full: [2, 3, 6] });
  });

  it('pools the slices of one side: latencies together, throughput over their summed time', () => {
    const slice = (times: number[], duration: number, failures = 0): LoadResult => ({
      rps: times.length / duration,
      p50: NaN,
      p95: NaN,
      p99: NaN,
      requests: times.length + failures,
      failures,
      duration,
      times,
    });
    const fast = Array.from({ length: 60 }, () => 10);
    const slow = Array.from({ length: 40 }, (_, i) => 20 + i);
    const all = pooled([slice(fast, 2), slice(slow, 2, 3)]);
    expect(all).toMatchObject({ rps: 25, requests: 103, failures: 3, duration: 4, p50: 10, p95: 54, p99: 58 });
    expect(all.times).toHaveLength(100);
  });

  it("gives the hypervisor's steal between two readings as a share of the machine's CPU time", () => {
    const reading = (busy: number, idle: number, steal: number, loadavg: [number, number, number]): MachineLoad => ({
      loadavg,
      cpu: { busy, idle, steal },
      at: '2026-12-02T08:00:00.000Z',
    });
    const before = reading(10_000, 30_000, 500, [1.12, 2.14, 2.03]);
    const after = reading(16_000, 34_000, 750, [3.61, 2.98, 2.43]);
    expect(stealShare(before, after)).toBeCloseTo(0.025);
    expect(describeSpan(before, after)).toBe('1.12 / 2.14 / 2.03 → 3.61 / 2.98 / 2.43, steal 2.5 %');
    expect(stealShare(before, before)).toBeNaN();
    // A report written before the readings held CPU time: the load alone, no made-up steal.
    const older = { loadavg: before.loadavg, at: before.at } as unknown as MachineLoad;
    expect(describeSpan(older, after)).toBe('1.12 / 2.14 / 2.03 → 3.61 / 2.98 / 2.43');
  });
});
