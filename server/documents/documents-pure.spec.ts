import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { allRequiredAccepted, checklist } from './checklist';
import { inspectPdf } from './file-inspection';
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
