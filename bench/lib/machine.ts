import { readFileSync } from 'node:fs';
import * as os from 'node:os';

/** The machine a benchmark ran on, and how busy it was: servers, PostgreSQL and the load share its cores. */
export interface MachineLoad {
  /** 1, 5 and 15-minute load averages. */
  loadavg: [number, number, number];
  /** The whole machine's CPU time so far (machineCpuMs), to tell what happened between two readings. */
  cpu: MachineCpu;
  at: string;
}

export function machineLoad(): MachineLoad {
  const [a, b, c] = os.loadavg();
  return { loadavg: [a, b, c], cpu: machineCpuMs(), at: new Date().toISOString() };
}

/**
 * The share of the machine's CPU time between two readings that the hypervisor gave to someone else (steal; NaN when
 * no time passed). The load average does not show it, and on a shared host it moves every number:
 * the same process() loop of S4 took 186 ms of CPU a file in one run and 239 ms half an hour later.
 */
export function stealShare(before: MachineLoad, after: MachineLoad): number {
  const total = after.cpu.busy + after.cpu.idle - (before.cpu.busy + before.cpu.idle);
  return total > 0 ? (after.cpu.steal - before.cpu.steal) / total : NaN;
}

export function describeLoad(load: MachineLoad): string {
  return load.loadavg.map((l) => l.toFixed(2)).join(' / ');
}

/** "1.12 / 2.14 / 2.03 → 3.61 / 2.98 / 2.43, steal 2.1 %" (no steal for a reading older than the field). */
export function describeSpan(before: MachineLoad, after: MachineLoad): string {
  const span = `${describeLoad(before)} → ${describeLoad(after)}`;
  if (!before.cpu || !after.cpu) return span;
  const share = stealShare(before, after);
  return Number.isNaN(share) ? span : `${span}, steal ${(share * 100).toFixed(1)} %`;
}

export function machineLine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
}

/** Waits (at most `maxSeconds`) for the 1-minute load average to drop under `below`; says so when it does not. */
export async function waitForQuiet(below = 0.5 * os.cpus().length, maxSeconds = 60): Promise<MachineLoad> {
  const deadline = Date.now() + maxSeconds * 1000;
  while (os.loadavg()[0] > below && Date.now() < deadline) await new Promise((r) => setTimeout(r, 2000));
  const load = machineLoad();
  if (load.loadavg[0] > below) console.log(`The machine is busy (load ${describeLoad(load)}): the ratios may be skewed`);
  return load;
}

/** utime + stime of a process so far, in ms (the kernel counts clock ticks of 10 ms); NaN once it is gone. */
export function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

export interface MachineCpu {
  /** Every state but idle and iowait, steal included. */
  busy: number;
  idle: number;
  /** Time a virtual CPU was ready to run while the hypervisor ran something else. */
  steal: number;
}

/** The whole machine's CPU time so far, from /proc/stat, in ms. */
export function machineCpuMs(): MachineCpu {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
  const [user, nice, system, idle, iowait, irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
  return { busy: (user + nice + system + irq + softirq + steal) * 10, idle: (idle + iowait) * 10, steal: steal * 10 };
}
