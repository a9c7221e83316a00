import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { allRequiredAccepted, checklist } from './checklist';
import { inspectPdf, sniff } from './file-inspection';
import { namesMatch, notExpired } from './name-match';

const doc = (id: string, kind: string, state = 'processed', decision: 'accepted' | 'rejected' | null = null) =>
  ({ id, kind, state, decision }) as never;

describe('checklist by account type', () => {
  it('lists what an individual must send and where each item stands', () => {
    expect(checklist('individual', [doc('a', 'identity_front', 'processed', 'accepted'), doc('b', 'proof_of_address', 'hashed')])).toEqual([
      { kind: 'identity_front', status: 'accepted', documentIds: ['a'], missing: [], identityType: null },
      { kind: 'proof_of_address', status: 'processing', documentIds: ['b'], missing: [] },
    ]);
  });

  it('asks an association for four documents', () => {
    expect(checklist('association', []).map((i) => i.kind)).toEqual([
      'identity_front',
      'assembly_minutes',
      'declaration_receipt',
      'attestation_letterhead',
    ]);
  });

  it('is complete only when every required document is accepted, identity back included when sent', () => {
    const front = doc('a', 'identity_front', 'processed', 'accepted');
    const kbis = doc('b', 'company_registration', 'processed', 'accepted');
    expect(allRequiredAccepted('company', [front, kbis])).toBe(true);
    expect(allRequiredAccepted('company', [front, kbis, doc('c', 'identity_back')])).toBe(false);
    expect(allRequiredAccepted('company', [front])).toBe(false);
  });

  it('marks an item unusable when every file of it failed processing', () => {
    expect(checklist('sole_trader', [doc('a', 'identity_front', 'quarantined')])[0].status).toBe('unusable');
  });
});

describe('name and expiry checks', () => {
  it('matches names whatever the accents, case, order and hyphens', () => {
    expect(namesMatch('LEFÈVRE Élodie', 'Elodie Lefevre')).toBe(true);
    expect(namesMatch('Jean-Pierre Martin', 'martin jean pierre')).toBe(true);
    expect(namesMatch('Jean Martin', 'Jeanne Martin')).toBe(false);
    expect(namesMatch('', '')).toBe(false);
  });

  it('refuses an expired document', () => {
    const today = new Date('2026-11-25T10:00:00Z');
    expect(notExpired('2026-11-25', today)).toBe(true);
    expect(notExpired('2026-11-24', today)).toBe(false);
  });
});

describe('PDF inspection', () => {
  async function pdfWith(entries: Record<string, string>): Promise<Buffer> {
    const doc = await PDFDocument.create();
    const page = doc.addPage();
    // Names the parser does not look at, in a dictionary of their own: only the raw-bytes search sees them.
    const extra = doc.context.obj({});
    for (const [key, value] of Object.entries(entries)) extra.set(PDFName.of(key), PDFString.of(value));
    page.node.set(PDFName.of('Extra'), doc.context.register(extra));
    return Buffer.from(await doc.save({ useObjectStreams: false }));
  }

  it('flags /JS and /JavaScript names anywhere in the bytes, but not a longer name that starts the same', async () => {
    expect((await inspectPdf(await pdfWith({ JSON: 'x', JSX: 'y' }))).flags).toEqual([]);
    // After the end of file, where no parser looks.
    const hidden = Buffer.concat([await pdfWith({ JSONData: 'x' }), Buffer.from('\n%/JS (app.alert(1))\n')]);
    expect((await inspectPdf(hidden)).flags).toEqual(['active_content']);
  });
});

describe('sniff over an upload as it arrived (slices)', () => {
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    return Buffer.concat([head, data, Buffer.alloc(4)]); // the CRC is not what the type check reads
  };
  const png = (...chunks: Buffer[]) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ...chunks]);
  const ihdr = chunk('IHDR', Buffer.alloc(13));
  const idat = chunk('IDAT', Buffer.alloc(10));
  const files: [string, Buffer, string | null][] = [
    ['a JPEG', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(70_000, 1)]), 'image/jpeg'],
    ['a PNG', png(ihdr, chunk('tEXt', Buffer.alloc(100_000, 0x41)), idat), 'image/png'],
    // The animation chunk comes after 100 kB of text: only a reader that goes that far sees an APNG.
    ['an APNG', png(ihdr, chunk('tEXt', Buffer.alloc(100_000, 0x41)), chunk('acTL', Buffer.alloc(8)), idat), 'image/apng'],
    ['a PDF', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(70_000, 0x20)]), 'application/pdf'],
    ['text', Buffer.alloc(70_000, 0x41), null],
  ];

  it.each(files)('finds the same type in %s, whole or in slices', async (_name, file, mime) => {
    const slices: Buffer[] = [];
    for (let at = 0, n = 3; at < file.length; at += n, n = Math.min(n * 5, 65_536)) slices.push(file.subarray(at, at + n));
    expect(await sniff(file)).toBe(mime);
    expect(await sniff(slices)).toBe(mime);
  });
});
