import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';

/** The one error answer of the API (AllExceptionsFilter), described once for the OpenAPI document. */
export class ApiErrorBody {
  @ApiProperty({ example: 422 }) statusCode: number;
  @ApiProperty({ example: 'Unprocessable Entity' }) error: string;
  /** Readable English, for logs and people; clients branch on `code`. */
  @ApiProperty({ description: 'Readable English; clients branch on code' }) message: string;
  @ApiPropertyOptional({ description: 'Stable error code of a domain error (e.g. recovery.possession_not_proven)' }) code?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'Values the translated message interpolates' })
  params?: Record<string, unknown>;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, description: "Messages per field, react-admin's shape" })
  errors?: Record<string, string>;
  @ApiPropertyOptional({ description: 'Correlation id, also in the X-Request-Id header and the logs' }) requestId?: string;
}

const WHEN: Record<number, string> = {
  400: 'Invalid input (field messages in errors)',
  401: 'No live staff session',
  403: 'The staff member lacks the permission',
  404: 'No such record, or one the caller may not see',
  409: 'The record changed state meanwhile',
  410: 'The link was used or has expired',
  413: 'The upload is too large',
  415: 'The upload is not of an accepted type',
  422: 'A business rule refuses the action (see code)',
  429: 'Too many attempts; Retry-After says when to retry',
};

/** The error statuses a route (or every route of a controller) may answer, each with the shared error body. */
export const ApiErrors = (...statuses: (keyof typeof WHEN)[]) =>
  applyDecorators(...statuses.map((status) => ApiResponse({ status, description: WHEN[status], type: ApiErrorBody })));

/** What every route behind a staff session may answer whatever it does. */
export const ApiStaffErrors = () => ApiErrors(401, 403);
