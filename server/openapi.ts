import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
import { ApiErrorBody } from './core/http/api-errors';

/**
 * The OpenAPI contract of every route, built from the controllers' decorators (explicit ones: the build is plain
 * tsc and jest runs swc, so the Nest CLI plugin never infers anything). Served to admins at /api/docs and
 * turned into the console's types by `npm run api:types`.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Recovery Desk API')
    .setDescription('Back office for account recovery. Errors share one body (ApiErrorBody); clients branch on its code.')
    .setVersion('1')
    .addCookieAuth('rd_session', { type: 'apiKey', in: 'cookie', name: 'rd_session', description: '__Host-rd_session behind HTTPS' })
    .build();
  return SwaggerModule.createDocument(app, config, {
    extraModels: [ApiErrorBody],
    // Stable, readable operation ids: `AccountsController_search` rather than a counter.
    operationIdFactory: (controller, method) => `${controller}_${method}`,
  });
}
