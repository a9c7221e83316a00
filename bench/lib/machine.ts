import * as os from 'node:os';

/** The machine a benchmark ran on, and how busy it was: servers, PostgreSQL and the load share its cores. */
export interface MachineLoad {
  /** 1, 5 and 15-minute load averages. */
  loadavg: [number, number, number];
  at: string;
}

export function machineLoad(): MachineLoad {
  const [a, b, c] = os.loadavg();
  return { loadavg: [a, b, c], at: new Date().toISOString() };
}

export function describeLoad(load: MachineLoad): string {
  return load.loadavg.map((l) => l.toFixed(2)).join(' / ');
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
