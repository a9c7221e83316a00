import { PDFDocument, PDFName, PDFString, StandardFonts, rgb } from 'pdf-lib';
import sharp from 'sharp';

/** Real files made by the tests: images with EXIF, PDFs with and without active content. */
export async function jpegWithExif(width = 640, height = 400, color = '#c33'): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: color } })
    .jpeg({ quality: 85 })
    .withMetadata({ orientation: 6, exif: { IFD0: { Make: 'TestCam', Model: 'Secret Model 9000', Copyright: 'GPS 48.85N 2.35E' } } })
    .toBuffer();
}

export async function png(width = 300, height = 200): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: { r: 0, g: 120, b: 200, alpha: 1 } } })
    .png()
    .toBuffer();
}

export async function pdf(pages = 2, text = 'Proof of address'): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) doc.addPage([595, 842]).drawText(`${text} — page ${i + 1}`, { x: 50, y: 780, size: 18, font });
  return Buffer.from(await doc.save());
}

export async function pdfWithJavaScript(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]);
  const action = doc.context.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of("app.alert('hi')") });
  doc.catalog.set(PDFName.of('OpenAction'), doc.context.register(action));
  return Buffer.from(await doc.save());
}

/** Magic bytes alone prove little: a JPEG header followed by HTML is still a JPEG to a sniffer. */
export function jpegHeaderThenHtml(): Buffer {
  return Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]),
    Buffer.from('<html><script>alert(1)</script></html>'.repeat(20)),
  ]);
}

/** A French ID card's face, as a customer photographs it: the lines a reviewer reads (name, birth, expiry). */
export async function identityCardJpeg(lines: string[]): Promise<Buffer> {
  const text = lines
    .map(
      (line, i) =>
        `<text x="300" y="${170 + i * 50}" font-family="sans-serif" font-size="${i < 2 ? 28 : 24}" fill="#1d2a33">${line}</text>`,
    )
    .join('');
  const svg = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="500">
       <rect x="30" y="30" width="740" height="440" rx="24" fill="#eef2f5" stroke="#7a8a99" stroke-width="4"/>
       <rect x="60" y="120" width="200" height="260" fill="#b8c2ca"/>
       <text x="60" y="90" font-family="sans-serif" font-size="30" fill="#1d2a33">CARTE NATIONALE D'IDENTITE</text>${text}
     </svg>`,
  );
  return sharp({ create: { width: 800, height: 500, channels: 3, background: '#ddd' } })
    .composite([{ input: svg }])
    .jpeg()
    .toBuffer();
}

/** A one-page utility bill in the holder's name, dated today: a proof of address under 3 months. */
export async function proofOfAddressPdf(name: string, title = 'Electricity bill', dateLabel = 'Date:'): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const lines = [title, name, '12 rue de la Paix, 75002 Paris', `${dateLabel} ${new Date().toISOString().slice(0, 10)}`];
  lines.forEach((text, i) => page.drawText(text, { x: 60, y: 760 - i * 28, size: 18, font, color: rgb(0.1, 0.15, 0.2) }));
  return Buffer.from(await doc.save());
}

/**
 * The same picture or PDF as different bytes (a JPEG comment segment, a PDF comment after its end): tests that
 * send one fixture for many customers would otherwise raise the duplicate-document flag on every case.
 */
export function distinct(data: Buffer, tag: string): Buffer {
  const text = Buffer.from(tag, 'latin1');
  if (data[0] === 0xff && data[1] === 0xd8) {
    const length = Buffer.from([(text.length + 2) >> 8, (text.length + 2) & 0xff]);
    return Buffer.concat([data.subarray(0, 2), Buffer.from([0xff, 0xfe]), length, text, data.subarray(2)]);
  }
  return Buffer.concat([data, Buffer.from(`\n%${tag}\n`, 'latin1')]);
}
