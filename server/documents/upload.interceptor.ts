import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import multer, { MulterError } from 'multer';
import type { Observable } from 'rxjs';
import type { AppConfig } from '../core/config/config';
import { APP_CONFIG } from '../core/config/config.module';
import { DomainError } from '../core/http/errors';

const MULTER_MESSAGES: Record<string, [ErrorCodeAndMessage[0], string]> = {
  LIMIT_FILE_SIZE: ['payload_too_large', 'A file is larger than the limit'],
  LIMIT_FILE_COUNT: ['payload_too_large', 'Too many files in one request'],
  LIMIT_PART_COUNT: ['payload_too_large', 'Too many parts in the form'],
  LIMIT_FIELD_COUNT: ['payload_too_large', 'Too many fields in the form'],
  LIMIT_FIELD_KEY: ['invalid', 'A field name is too long'],
  LIMIT_FIELD_VALUE: ['payload_too_large', 'A field value is too long'],
  LIMIT_UNEXPECTED_FILE: ['invalid', 'Files go in the "files" field only'],
};
type ErrorCodeAndMessage = ['payload_too_large' | 'invalid', string];

/**
 * multer on the upload routes only: files stay in memory (never a temporary file to leave behind), limits on
 * size, files, fields and parts, and every multer or busboy error turned into a clear 400/413.
 */
@Injectable()
export class UploadInterceptor implements NestInterceptor {
  private readonly upload: ReturnType<ReturnType<typeof multer>['array']>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.upload = multer({
      storage: multer.memoryStorage(),
      // Browsers send the file name as raw UTF-8; busboy's default (latin1) turned "Reçu" into "ReÃ§u".
      defParamCharset: 'utf8',
      limits: {
        fileSize: config.uploadMaxBytes,
        files: config.uploadMaxFiles,
        fields: 10,
        fieldSize: 10_000,
        fieldNameSize: 100,
        parts: config.uploadMaxFiles + 10,
        headerPairs: 200,
      },
    }).array('files', config.uploadMaxFiles);
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    if (!req.is('multipart/form-data')) {
      throw new DomainError('unsupported_media_type', 'Send the documents as multipart/form-data');
    }
    await new Promise<void>((resolve, reject) => {
      this.upload(req, res, (err: unknown) => {
        if (!err) return resolve();
        if (err instanceof MulterError) {
          const [code, message] = MULTER_MESSAGES[err.code] ?? ['invalid', 'The upload could not be read'];
          const limit = err.code === 'LIMIT_FILE_SIZE' ? ` (${this.config.uploadMaxBytes / 1024 / 1024} MB)` : err.code === 'LIMIT_FILE_COUNT' ? ` (${this.config.uploadMaxFiles})` : '';
          return reject(new DomainError(code, message + limit));
        }
        reject(new DomainError('invalid', 'The upload is truncated or malformed; send it again'));
      });
    });
    return next.handle();
  }
}
