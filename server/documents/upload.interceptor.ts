import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import multer, { MulterError } from 'multer';
import type { Observable } from 'rxjs';
import type { AppConfig } from '../core/config/config';
import { APP_CONFIG } from '../core/config/config.module';
import { documentsError, DocumentsErrorCode } from './documents.errors';

const MULTER_REFUSALS: Record<string, DocumentsErrorCode> = {
  LIMIT_FILE_SIZE: 'too_large',
  LIMIT_FILE_COUNT: 'too_many_files',
  LIMIT_PART_COUNT: 'too_many_parts',
  LIMIT_FIELD_COUNT: 'too_many_fields',
  LIMIT_FIELD_KEY: 'field_name_too_long',
  LIMIT_FIELD_VALUE: 'field_value_too_long',
  LIMIT_UNEXPECTED_FILE: 'files_field_only',
};

/**
 * multer's storage for uploads: each file stays in memory as the slices it arrived in (`chunks`, the socket's
 * reads of ≤ 64 KB), never a temporary file to leave behind. multer's memoryStorage concatenated them into one
 * buffer: a multi-MB block the launcher maps fresh (every block ≥ 128 KB) and page-faults in, 17 % of the API's CPU
 * in the documents benchmark (S4). The slices are sniffed and encrypted as they are (DocumentStore.put).
 */
export const sliceStorage: multer.StorageEngine = {
  _handleFile(_req, file, done) {
    const chunks: Buffer[] = [];
    let size = 0;
    file.stream.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
    });
    file.stream.once('error', done);
    file.stream.once('end', () => done(null, { chunks, size } as Partial<Express.Multer.File>));
  },
  _removeFile(_req, file, done) {
    (file as Partial<{ chunks: Buffer[] }>).chunks = [];
    done(null);
  },
};

/**
 * multer on the upload routes only: files in memory (sliceStorage), limits on size, files, fields and parts, and
 * every multer or busboy error turned into a clear 400/413.
 */
@Injectable()
export class UploadInterceptor implements NestInterceptor {
  private readonly upload: ReturnType<ReturnType<typeof multer>['array']>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.upload = multer({
      storage: sliceStorage,
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
      throw documentsError('multipart_required');
    }
    await new Promise<void>((resolve, reject) => {
      this.upload(req, res, (err: unknown) => {
        if (!err) return resolve();
        if (err instanceof MulterError) {
          const { uploadMaxBytes, uploadMaxFiles } = this.config;
          const limits = { maxBytes: uploadMaxBytes, maxMb: uploadMaxBytes / 1024 / 1024, max: uploadMaxFiles };
          return reject(documentsError(MULTER_REFUSALS[err.code] ?? 'upload_unreadable', limits));
        }
        reject(documentsError('upload_malformed'));
      });
    });
    return next.handle();
  }
}
