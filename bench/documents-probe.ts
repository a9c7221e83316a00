/**
 * Preloaded by `npm run bench:documents` into the processes it measures
 * (`node --require dist/bench/documents-probe.js dist/server/main.js worker`): reports process.memoryUsage()
 * to the parent over the IPC channel every 100 ms, so the bench can say how much of the RSS is JS heap and how
 * much is Buffers / native memory (libvips). Does nothing when the process has no IPC channel.
 */
if (typeof process.send === 'function') {
  const timer = setInterval(() => {
    if (!process.connected) return clearInterval(timer);
    const m = process.memoryUsage();
    process.send!({ probe: 'mem', rss: m.rss, heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers });
  }, 100);
  timer.unref();
  process.on('disconnect', () => clearInterval(timer));
}

export {};
