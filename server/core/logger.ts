import { Injectable, LoggerService } from '@nestjs/common';
import type { Logger as Pino, Level } from 'pino';

/**
 * Nest's application logs (bootstrap, workers, exceptions) as pino JSON lines, the Nest logger's name under
 * `context` and an Error under `err`. This is all the project used of nestjs-pino, whose releases for Nest 12
 * require Node 22.12 while the project runs on Node 20.19 (see `engines`).
 */
@Injectable()
export class PinoLogger implements LoggerService {
  constructor(private readonly pino: Pino) {}

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  /** Nest passes the logger's name (its context) last; anything before it is a format argument. */
  private write(level: Level, message: unknown, params: unknown[]): void {
    const fields: Record<string, unknown> = {};
    const args = params.slice(0, -1);
    if (params.length) fields.context = params[params.length - 1];
    if (message instanceof Error) {
      this.pino[level]({ ...fields, err: message }, ...(args as []));
    } else if (typeof message === 'object' && message !== null) {
      this.pino[level]({ ...fields, ...message }, ...(args as []));
    } else if (level === 'error' && typeof message === 'string' && isStack(args)) {
      // Nest's exception handlers call error(message, stack, context): keep the stack as the error's.
      const err = new Error(message);
      err.stack = args[0];
      this.pino[level]({ ...fields, err });
    } else {
      this.pino[level](fields, String(message), ...(args as []));
    }
  }
}

function isStack(args: unknown[]): args is [string] {
  return args.length === 1 && typeof args[0] === 'string' && /\n\s*at /.test(args[0]);
}
