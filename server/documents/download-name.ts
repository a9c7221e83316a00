const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'application/pdf': 'pdf' };

/**
 * The name an original is downloaded under: the customer's own stem with the extension of the type its content
 * was detected as, so "passport.exe" or "scan.pdf.html" holding a JPEG opens as a JPEG and never as what its
 * name claimed. Trailing extension-like suffixes are dropped; a name that is only an extension becomes "document".
 */
export function downloadName(originalName: string, detectedType: string | null): string {
  let stem = originalName.replace(/\p{Cs}/gu, '_').trim();
  while (/\.[A-Za-z0-9]{1,5}$/.test(stem)) stem = stem.replace(/\.[A-Za-z0-9]{1,5}$/, '');
  stem = stem.replace(/[.\s]+$/, '') || 'document';
  return `${stem}.${EXTENSIONS[detectedType ?? ''] ?? 'bin'}`;
}

/** RFC 5987 value-chars: encodeURIComponent leaves ' ( ) * as they are, which attr-char does not allow. */
const rfc5987 = (s: string) => encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * `attachment` with an ASCII fallback (non-ASCII, quotes, backslashes and % replaced: some browsers decode % in
 * the plain filename) and the exact name in RFC 5987's filename* for the browsers that read it (RFC 6266).
 */
export function attachmentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(name)}`;
}
