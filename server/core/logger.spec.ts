import { pino } from 'pino';
import { PinoLogger } from './logger';

function capture(): { logger: PinoLogger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const stream = { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) };
  return { logger: new PinoLogger(pino({ level: 'trace' }, stream)), lines };
}

describe('PinoLogger (Nest application logs)', () => {
  it('writes the message at the mapped level with the Nest logger name as context', () => {
    const { logger, lines } = capture();
    logger.log('worker started', 'WorkerService');
    logger.verbose('detail');
    expect(lines).toEqual([
      expect.objectContaining({ level: 30, msg: 'worker started', context: 'WorkerService' }),
      expect.objectContaining({ level: 10, msg: 'detail' }),
    ]);
    expect(lines[1]).not.toHaveProperty('context');
  });

  it('keeps an object as fields and an Error as err', () => {
    const { logger, lines } = capture();
    logger.warn({ msg: 'audit checkpoint', ok: true }, 'ChainWatch');
    logger.error(new Error('boom'), 'OutboxService');
    expect(lines[0]).toMatchObject({ level: 40, msg: 'audit checkpoint', ok: true, context: 'ChainWatch' });
    expect(lines[1]).toMatchObject({ level: 50, context: 'OutboxService', err: { message: 'boom' } });
  });

  it("turns Nest's error(message, stack, context) into an error carrying that stack", () => {
    const { logger, lines } = capture();
    logger.error('Unhandled', 'Error: Unhandled\n    at handler (x.ts:1:1)', 'ExceptionsHandler');
    expect(lines[0]).toMatchObject({
      level: 50,
      context: 'ExceptionsHandler',
      err: { message: 'Unhandled', stack: 'Error: Unhandled\n    at handler (x.ts:1:1)' },
    });
  });
});
