import { Controller, Get, Header, Injectable, Param, StreamableFile } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { RequirePermission } from './auth/policy.decorator';
import { coreError } from './core/http/core.errors';

/** The OpenAPI document of the running app, built on first use (createHttpApp hands over how to build it). */
@Injectable()
export class OpenApiDocument {
  private build: (() => OpenAPIObject) | null = null;
  private built: OpenAPIObject | null = null;

  buildWith(build: () => OpenAPIObject): void {
    this.build = build;
  }

  get(): OpenAPIObject {
    if (!this.built) {
      if (!this.build) throw new Error('the OpenAPI document has no builder');
      this.built = this.build();
    }
    return this.built;
  }
}

const UI_DIR = path.dirname(require.resolve('swagger-ui-dist/package.json'));
const ASSETS: Record<string, { body: () => Readable; type: string }> = {
  'swagger-ui.css': { body: () => fs.createReadStream(path.join(UI_DIR, 'swagger-ui.css')), type: 'text/css; charset=utf-8' },
  'swagger-ui-bundle.js': {
    body: () => fs.createReadStream(path.join(UI_DIR, 'swagger-ui-bundle.js')),
    type: 'text/javascript; charset=utf-8',
  },
  // Swagger UI's start-up: a file rather than an inline script, which the app's CSP refuses. No validatorUrl: the
  // default badge would send the contract to validator.swagger.io.
  'swagger-ui-init.js': {
    body: () =>
      Readable.from([
        "window.ui = SwaggerUIBundle({ url: '/api/docs-json', dom_id: '#swagger-ui', deepLinking: true, validatorUrl: null });\n",
      ]),
    type: 'text/javascript; charset=utf-8',
  },
};

// Every script is a file of our origin: the page runs under the app's CSP (script-src 'self'), no inline code.
const PAGE = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Recovery Desk API</title><link rel="stylesheet" href="/api/docs/swagger-ui.css"></head>
<body><div id="swagger-ui"></div><script src="/api/docs/swagger-ui-bundle.js"></script><script src="/api/docs/swagger-ui-init.js"></script></body>
</html>
`;

/**
 * The API's contract for staff admins: the document as JSON and Swagger UI to browse it. Not public: it maps every
 * route an attacker could probe, and the console does not need it at run time (its types are generated at build
 * time, in-process, by `npm run api:types`).
 */
@ApiExcludeController()
@Controller()
export class ApiDocsController {
  constructor(private readonly document: OpenApiDocument) {}

  @Get('docs-json')
  @RequirePermission('read', 'ApiDocs')
  json(): OpenAPIObject {
    return this.document.get();
  }

  @Get('docs')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @RequirePermission('read', 'ApiDocs')
  page(): string {
    return PAGE;
  }

  @Get('docs/:asset')
  @RequirePermission('read', 'ApiDocs')
  asset(@Param('asset') name: string): StreamableFile {
    const asset = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
    if (!asset) throw coreError('unknown_file');
    return new StreamableFile(asset.body(), { type: asset.type });
  }
}
