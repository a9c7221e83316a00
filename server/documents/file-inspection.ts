import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { PDFDocument, PDFDict, PDFName, EncryptedPDFError } from 'pdf-lib';
import sharp from 'sharp';
import type { ImageBudget } from './image-budget';

export const ALLOWED_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export type AllowedType = (typeof ALLOWED_TYPES)[number];

/**
 * Magic bytes, read by file-type (the name and the declared type are never trusted). An upload's slices are read
 * as a stream: file-type takes as many bytes as its checks need (an APNG's chunks may lie past the first few kB),
 * exactly as from the whole buffer, without concatenating the file.
 */
export async function sniff(data: Buffer | readonly Buffer[]): Promise<string | null> {
  const { fileTypeFromBuffer, fileTypeFromStream } = await import('file-type');
  const found = Buffer.isBuffer(data)
    ? await fileTypeFromBuffer(data)
    : await fileTypeFromStream(Readable.from(data, { objectMode: false }));
  return found?.mime ?? null;
}

export function isAllowed(mime: string | null): mime is AllowedType {
  return mime !== null && (ALLOWED_TYPES as readonly string[]).includes(mime);
}

export class UnusableFile extends Error {}

export interface ImageResult {
  data: Buffer;
  preview: Buffer;
  width: number;
  height: number;
}

// Every document is a different image: libvips' operation cache would only hold on to memory.
sharp.cache(false);

/**
 * Decodes the whole image (a JPEG header followed by HTML fails here), turns it upright by its EXIF orientation,
 * drops every metadata block (sharp keeps none unless asked), re-encodes it, and makes a 1200 px preview from the
 * original (a JPEG is then decoded at a fraction of its size). Runs within the process's pixel budget.
 */
export async function reencodeImage(
  data: Buffer,
  mime: 'image/jpeg' | 'image/png',
  maxPixels: number,
  budget: ImageBudget,
): Promise<ImageResult> {
  const input = { limitInputPixels: maxPixels, failOn: 'error' as const };
  try {
    const { width = 0, height = 0 } = await sharp(data, input).metadata();
    return await budget.run(width * height, async () => {
      const upright = sharp(data, input).rotate();
      // No optimised Huffman tables: they need a second pass over the whole image's coefficients held in memory
      // (65 MB more for a 12 MP photo, measured) for a file 3 % smaller.
      const out = mime === 'image/png' ? upright.png() : upright.jpeg({ quality: 90, optimiseCoding: false });
      const { data: reencoded, info } = await out.toBuffer({ resolveWithObject: true });
      const preview = await sharp(data, input).rotate().resize({ width: 1200, withoutEnlargement: true }).jpeg({ quality: 80 }).toBuffer();
      return { data: reencoded, preview, width: info.width, height: info.height };
    });
  } catch (e) {
    throw new UnusableFile(`image cannot be decoded: ${(e as Error).message}`);
  }
}

export interface PdfResult {
  pages: number;
  flags: string[];
  preview: Buffer | null;
}

const SCRIPT_KEYS = ['JavaScript', 'JS', 'OpenAction', 'AA', 'Launch', 'EmbeddedFile'];

/** Parses the PDF, counts pages and flags encryption and active content (scripts, launch actions, attachments). */
export async function inspectPdf(data: Buffer): Promise<PdfResult> {
  const flags = new Set<string>();
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(data, { updateMetadata: false });
  } catch (e) {
    if (!(e instanceof EncryptedPDFError)) throw new UnusableFile(`PDF cannot be read: ${(e as Error).message}`);
    flags.add('encrypted');
    doc = await PDFDocument.load(data, { ignoreEncryption: true, updateMetadata: false }).catch((err: Error) => {
      throw new UnusableFile(`PDF cannot be read: ${err.message}`);
    });
  }
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict)) continue;
    for (const key of SCRIPT_KEYS) {
      if (obj.has(PDFName.of(key))) flags.add(key === 'EmbeddedFile' ? 'attachment' : 'active_content');
    }
  }
  if (hasName(data, '/JavaScript') || hasName(data, '/JS')) flags.add('active_content');
  const pages = doc.getPageCount();
  if (pages === 0) throw new UnusableFile('PDF has no page');
  return { pages, flags: [...flags].sort(), preview: flags.has('encrypted') ? null : await renderFirstPage(data) };
}

/**
 * A PDF name in the raw bytes, even in an object the parser skipped (`/JS` but not `/JSON`): searched in the
 * buffer itself, not in a string copy of a 10 MB file.
 */
function hasName(data: Buffer, name: string): boolean {
  for (let at = data.indexOf(name); at >= 0; at = data.indexOf(name, at + 1)) {
    const next = data[at + name.length];
    if (next === undefined || !/[A-Za-z0-9_]/.test(String.fromCharCode(next))) return true;
  }
  return false;
}

const run = promisify(execFile);
let pdftoppm: boolean | undefined;

/** First-page preview with poppler's pdftoppm where it is installed; none otherwise. */
async function renderFirstPage(data: Buffer): Promise<Buffer | null> {
  if (pdftoppm === undefined)
    pdftoppm = await run('pdftoppm', ['-v']).then(
      () => true,
      () => false,
    );
  if (!pdftoppm) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-pdf-'));
  try {
    fs.writeFileSync(path.join(dir, 'in.pdf'), data, { mode: 0o600 });
    await run('pdftoppm', ['-f', '1', '-l', '1', '-scale-to', '1200', '-jpeg', path.join(dir, 'in.pdf'), path.join(dir, 'page')], {
      timeout: 20_000,
    });
    const out = fs.readdirSync(dir).find((f) => f.startsWith('page'));
    return out ? fs.readFileSync(path.join(dir, out)) : null;
  } catch {
    return null;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
