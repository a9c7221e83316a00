import {
  DATED_KINDS,
  IDENTITY_KINDS,
  REJECTION_CODES,
  REUPLOAD_REASONS,
  type CaseDocument,
  type DecisionResult,
  type DuplicateEvidence,
} from './types';

export type Mode = 'accept' | 'reject' | 'reupload';

/** The document a decision is about, as the panel, its form and the keys all need it. */
export interface DecisionTarget {
  caseId: string;
  accountType: string;
  doc: CaseDocument;
  kindLabel: string;
  /** The case's duplicate flag's evidence (other cases holding one of its files). */
  duplicates: DuplicateEvidence[];
  onDecided(result: DecisionResult): void;
}

/** Accept needs a processed file; reject and ask-again also take a file that could not be processed. */
export function modeAllowed(mode: Mode, doc: CaseDocument): boolean {
  if (doc.decision) return false;
  if (doc.state === 'processed') return true;
  return mode !== 'accept' && ['rejected', 'quarantined', 'failed'].includes(doc.state);
}

/** Which fields a mode asks for on this document. */
export function fieldsOf(mode: Mode, doc: CaseDocument) {
  return {
    identity: mode === 'accept' && IDENTITY_KINDS.includes(doc.kind),
    dated: mode === 'accept' && DATED_KINDS.includes(doc.kind),
    reasons: (mode === 'reject' ? REJECTION_CODES : mode === 'reupload' ? REUPLOAD_REASONS : []) as readonly string[],
    flags: mode === 'accept' ? doc.flagsToAcknowledge : [],
  };
}
