/**
 * A CPU profile of a process that cannot take `--cpu-prof` (NODE_OPTIONS refuses it, and the deployed launcher
 * passes no node flags): preload it with `NODE_OPTIONS="--require <repo>/dist/bench/cpu-profile.js"`, e.g. through
 * BENCH_API_NODE_FLAGS. It profiles from start to exit and writes CPU_PROFILE_DIR (default: the working directory)
 * /api-<pid>.cpuprofile, readable by Chrome's DevTools or speedscope.
 */
import * as fs from 'node:fs';
import { Session } from 'node:inspector';
import * as path from 'node:path';

const session = new Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.setSamplingInterval', { interval: Number(process.env.CPU_PROFILE_INTERVAL_US ?? 1000) });
session.post('Profiler.start');
process.once('exit', () => {
  // The in-process session answers synchronously, so this runs to completion inside the exit handler.
  session.post('Profiler.stop', (err, result) => {
    if (err) return;
    const file = path.join(process.env.CPU_PROFILE_DIR ?? process.cwd(), `api-${process.pid}.cpuprofile`);
    fs.writeFileSync(file, JSON.stringify(result.profile));
  });
});
