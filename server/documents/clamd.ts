import * as net from 'node:net';

export type ScanVerdict = { verdict: 'clean' } | { verdict: 'infected'; signature: string } | { verdict: 'error'; message: string };

/**
 * Scans a buffer with clamd's INSTREAM command. Anything but a clear "OK" or "FOUND" — a refused connection, a
 * timeout, an error reply, a silent server — is an error, which the pipeline treats as "not clean".
 */
export function scanWithClamd(url: string, data: Buffer, timeoutMs = 15_000, chunkSize = 64 * 1024): Promise<ScanVerdict> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    let reply = '';
    let settled = false;
    const done = (v: ScanVerdict) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve(v);
    };
    const socket = net.connect({ host: hostname, port: Number(port || 3310) });
    socket.setTimeout(timeoutMs, () => done({ verdict: 'error', message: 'scanner timed out' }));
    socket.on('error', (e) => done({ verdict: 'error', message: `scanner unreachable: ${e.message}` }));
    socket.on('data', (d) => (reply += d.toString('utf8')));
    socket.on('end', () => {
      const text = reply.replace(/\0/g, '').trim();
      if (/^stream: OK$/.test(text)) return done({ verdict: 'clean' });
      const found = /^stream: (.+) FOUND$/.exec(text);
      if (found) return done({ verdict: 'infected', signature: found[1] });
      done({ verdict: 'error', message: text ? `scanner said: ${text.slice(0, 200)}` : 'scanner gave no verdict' });
    });
    socket.on('connect', () => {
      socket.write('zINSTREAM\0');
      for (let i = 0; i < data.length; i += chunkSize) {
        const chunk = data.subarray(i, i + chunkSize);
        const len = Buffer.alloc(4);
        len.writeUInt32BE(chunk.length);
        socket.write(len);
        socket.write(chunk);
      }
      socket.write(Buffer.alloc(4));
    });
  });
}
