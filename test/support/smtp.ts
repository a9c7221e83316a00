import { simpleParser, ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server for tests: collects what it accepts; can refuse the next N mails or hold them. */
export class TestSmtp {
  readonly received: ParsedMail[] = [];
  private server?: SMTPServer;
  refuseNext = 0;
  /** Delay before answering DATA, to catch a sender mid-mail. */
  holdMs = 0;
  /** Delay before accepting a recipient: the mail is not accepted yet, so a sender killed meanwhile sent nothing. */
  holdRcptMs = 0;
  /** Called when a sender reaches the held RCPT step. */
  onRcptHeld?: () => void;
  /** Recipients refused at RCPT TO with this SMTP code (550: no such mailbox, 451: try again later). */
  readonly refuseRecipient = new Map<string, number>();
  port = 0;

  /** Listens on `port` (0: any free one); a stopped server restarts on its port with `start(smtp.port)`. */
  async start(port = 0): Promise<string> {
    this.server = new SMTPServer({
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        const refusal = this.refuseRecipient.get(address.address.toLowerCase());
        if (refusal)
          return callback(
            Object.assign(new Error(refusal >= 500 ? 'No such mailbox here' : 'Mailbox busy, try later'), { responseCode: refusal }),
          );
        if (!this.holdRcptMs) return callback();
        this.onRcptHeld?.();
        setTimeout(() => callback(), this.holdRcptMs);
      },
      onData: (stream, _session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          if (this.refuseNext > 0) {
            this.refuseNext -= 1;
            return callback(Object.assign(new Error('Mailbox temporarily unavailable'), { responseCode: 451 }));
          }
          // A mail that cannot be parsed is refused to the sender rather than lost in an unhandled rejection.
          const accept = async () => {
            if (this.holdMs) await new Promise((r) => setTimeout(r, this.holdMs));
            this.received.push(await simpleParser(Buffer.concat(chunks)));
          };
          accept().then(
            () => callback(),
            (e: Error) => callback(e),
          );
        });
      },
    });
    // A sender killed mid-mail resets its connection: that is expected here, not a test failure.
    this.server.on('error', () => undefined);
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Waits for a mail matching `predicate` (to, subject…), up to `timeoutMs`. */
  async waitFor(predicate: (m: ParsedMail) => boolean, timeoutMs = 15_000): Promise<ParsedMail> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const found = this.received.find(predicate);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no matching mail within ${timeoutMs} ms; received: ${this.received.map((m) => m.subject).join(' | ')}`);
  }

  to(address: string): ParsedMail[] {
    return this.received.filter((m) => addressesOf(m).includes(address.toLowerCase()));
  }

  /** The first mail to `to` whose subject starts with `[customerId]` (as every customer mail does) and matches `subject`. */
  mailFor(to: string, customerId: string, subject: RegExp, timeoutMs = 20_000): Promise<ParsedMail> {
    return this.waitFor(
      (m) => addressesOf(m).includes(to.toLowerCase()) && (m.subject ?? '').startsWith(`[${customerId}]`) && subject.test(m.subject ?? ''),
      timeoutMs,
    );
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

/** Every recipient address of a mail, lower-cased. */
export function addressesOf(mail: ParsedMail): string[] {
  return (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((a) => a.value.map((v) => (v.address ?? '').toLowerCase()));
}

/**
 * The six-digit code of a mail: six digits standing alone, never six digits inside a link's UUID or token or a
 * customer ID (`…/case/3f123456-…`, `ab123456-ovh`), which may come before the code in the text.
 */
export function codeIn(mail: ParsedMail): string {
  const m = /(?<![\w/.-])(\d{6})(?![\w-])/.exec(mail.text ?? '');
  if (!m) throw new Error(`no code in mail: ${mail.text}`);
  return m[1];
}
