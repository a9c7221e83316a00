import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, ERROR_STATUS } from './errors';
import { isDatabaseUnavailable } from '../database/database-errors';

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  /** Domain errors only: the stable `<module>.<name>` code a client branches on and translates. */
  code?: string;
  /** Domain errors only: the values the message needs, for the client's translation. */
  params?: Record<string, string | number>;
  errors?: Record<string, string>;
  requestId?: string;
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Express's body parser reports bad bodies with a type; Nest wraps them in an HttpException with the cause. */
function bodyParserMessage(exception: unknown): { statusCode: number; message: string } | null {
  const err = ((exception as { cause?: unknown })?.cause ?? exception) as { status?: number; type?: string };
  if (typeof err?.status !== 'number' || err.status < 400 || err.status >= 500 || typeof err.type !== 'string') return null;
  const messages: Record<string, string> = {
    'entity.parse.failed': 'The request body is not valid JSON',
    'entity.too.large': 'The request body is too large',
    'encoding.unsupported': 'The request body encoding is not supported',
    'charset.unsupported': 'The request body charset is not supported',
    'request.aborted': 'The request was aborted before its body was received',
  };
  return { statusCode: err.status, message: messages[err.type] ?? 'The request body could not be read' };
}

/**
 * One place where errors become HTTP answers. Domain errors carry their HTTP class (each module maps its codes exhaustively in its `*.errors.ts`); body-parser errors
 * keep their 4xx; a database that cannot be reached is a 503; anything else is a 500 that shows no internals and
 * logs the request id.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request & { id?: string }>();
    const requestId = req?.id ? String(req.id) : undefined;
    if (!res || typeof res.status !== 'function') throw exception;
    if (res.headersSent) return;

    const body = this.toBody(exception, requestId);
    if (exception instanceof DomainError && exception.headers) {
      for (const [k, v] of Object.entries(exception.headers)) res.setHeader(k, v);
    }
    res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown, requestId?: string): ErrorBody {
    if (exception instanceof DomainError) {
      const statusCode = ERROR_STATUS[exception.status];
      return {
        statusCode,
        error: REASONS[statusCode],
        message: exception.message,
        code: exception.code,
        params: exception.params,
        errors: exception.fields,
        requestId,
      };
    }
    const parseProblem = bodyParserMessage(exception);
    if (parseProblem) return { ...parseProblem, error: REASONS[parseProblem.statusCode] ?? 'Error', requestId };
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const response = exception.getResponse();
      const raw = typeof response === 'string' ? response : (response as { message?: unknown }).message;
      const message = Array.isArray(raw) ? raw.join('; ') : typeof raw === 'string' ? raw : exception.message;
      const errors = typeof response === 'object' ? (response as { errors?: Record<string, string> }).errors : undefined;
      if (statusCode >= 500) this.logger.error(`request ${requestId}: ${exception.message}`, exception.stack);
      return { statusCode, error: REASONS[statusCode] ?? 'Error', message, errors, requestId };
    }
    if (isDatabaseUnavailable(exception)) {
      this.logger.error(`request ${requestId}: database unavailable: ${(exception as Error).message}`);
      return { statusCode: 503, error: REASONS[503], message: 'The service is temporarily unavailable, try again shortly', requestId };
    }
    this.logger.error(`request ${requestId}: ${(exception as Error)?.message}`, (exception as Error)?.stack);
    return { statusCode: 500, error: REASONS[500], message: `Internal error (request ${requestId ?? 'unknown'})`, requestId };
  }
}
