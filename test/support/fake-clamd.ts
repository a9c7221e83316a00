import * as net from 'node:net';

export type ClamdMode = 'clean' | 'infected' | 'error' | 'silent' | 'hold';

/** A local stand-in for clamd speaking INSTREAM: reads the chunks to the zero-length end, then answers per mode. */
export class FakeClamd {
  private server?: net.Server;
  mode: ClamdMode = 'clean';
  scans = 0;
  port = 0;
  onScan?: () => void;

  async start(): Promise<string> {
    this.server = net.createServer((socket) => {
      let buf = Buffer.alloc(0);
      let commandSeen = false;
      socket.on('error', () => undefined);
      socket.on('data', (d) => {
        buf = Buffer.concat([buf, d]);
        if (!commandSeen) {
          const nul = buf.indexOf(0);
          if (nul < 0) return;
          commandSeen = true;
          buf = buf.subarray(nul + 1);
        }
        for (;;) {
          if (buf.length < 4) return;
          const len = buf.readUInt32BE(0);
          if (len === 0) return this.answer(socket);
          if (buf.length < 4 + len) return;
          buf = buf.subarray(4 + len);
        }
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.port = (this.server.address() as net.AddressInfo).port;
    return `tcp://127.0.0.1:${this.port}`;
  }

  private answer(socket: net.Socket): void {
    this.scans += 1;
    this.onScan?.();
    switch (this.mode) {
      case 'clean':
        return void socket.end('stream: OK\0');
      case 'infected':
        return void socket.end('stream: Eicar-Test-Signature FOUND\0');
      case 'error':
        return void socket.end('INSTREAM size limit exceeded. ERROR\0');
      case 'silent':
        return void socket.end();
      case 'hold':
        return;
    }
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => this.server?.close(() => r()) ?? r());
  }
}
