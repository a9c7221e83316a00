/**
 * S5's measure, shared by bench/console.ts and test/browser/console-weight.test.ts: every JavaScript file the browser
 * downloads from the moment a watch starts (before navigation) until `settle()` is called (once the agent's search
 * box is usable). That is the entry script, its modulepreloads, the chunks it imports, and every dynamic import
 * (lazy screens, the language's messages) fired before that moment, whichever page asked for it (the sign-in page
 * included). Each file counts at its gzip size: the compressed body size when the server sent it with a
 * Content-Encoding, otherwise `gzip -9` of the bytes it served. Cached responses are not special-cased: each watch
 * runs in a fresh browser context, so nothing is cached.
 */
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page, Response } from 'playwright-core';

export interface JsFile {
  url: string;
  /** Bytes of the decoded body. */
  raw: number;
  /** What it costs on the wire compressed: Content-Encoding size, or gzip -9 of the body. */
  gz: number;
  /** The file holds recharts (its class names such as `recharts-wrapper` survive minification). */
  charts: boolean;
}

export interface JsLoad {
  files: JsFile[];
  raw: number;
  gz: number;
}

export const AGENT_SEARCH_BOX = 'form[role="search"] input[name="homeSearch"]';

function isJavaScript(response: Response): boolean {
  const type = response.headers()['content-type'] ?? '';
  const { pathname } = new URL(response.url());
  return /javascript|ecmascript/.test(type) || /\.m?js$/.test(pathname);
}

async function measure(response: Response): Promise<JsFile> {
  const body = await response.body();
  const encoding = response.headers()['content-encoding'];
  const gz =
    encoding && encoding !== 'identity' ? (await response.request().sizes()).responseBodySize : gzipSync(body, { level: 9 }).length;
  return { url: response.url(), raw: body.length, gz, charts: body.includes('recharts-wrapper') };
}

/** Starts counting JS responses on the whole context (popups and workers included); `settle()` stops and sums. */
export function watchJavaScript(context: BrowserContext): { settle(): Promise<JsLoad> } {
  const pending: Promise<JsFile>[] = [];
  const onResponse = (response: Response) => {
    if (isJavaScript(response)) pending.push(measure(response));
  };
  context.on('response', onResponse);
  return {
    async settle() {
      context.off('response', onResponse);
      const files = await Promise.all(pending);
      return {
        files,
        raw: files.reduce((sum, f) => sum + f.raw, 0),
        gz: files.reduce((sum, f) => sum + f.gz, 0),
      };
    },
  };
}

/** The agent's search box on their home page, visible and enabled: the moment they can type. */
export async function waitForAgentSearchBox(page: Page): Promise<void> {
  const box = page.locator(AGENT_SEARCH_BOX);
  await box.waitFor({ state: 'visible' });
  for (let i = 0; !(await box.isEnabled()); i += 1) {
    if (i > 200) throw new Error('the search box stayed disabled');
    await page.waitForTimeout(25);
  }
}

export function formatJsLoad(load: JsLoad): string {
  const kb = (n: number) => (n / 1000).toFixed(1);
  const lines = [...load.files]
    .sort((a, b) => b.gz - a.gz)
    .map((f) => `  ${kb(f.gz).padStart(7)} kB gz ${kb(f.raw).padStart(8)} kB  ${new URL(f.url).pathname}`);
  return [`${load.files.length} JS files, ${kb(load.gz)} kB gz (${kb(load.raw)} kB raw):`, ...lines].join('\n');
}
