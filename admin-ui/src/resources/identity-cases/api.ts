import { apiFetch, API_ROOT } from '../../providers/http';
import type { CaseDetail, CasePurpose, CaseSummary, DecisionInput, DecisionResult, NameCheck } from './types';

const casePath = (caseId: string) => `/identity-cases/${encodeURIComponent(caseId)}`;
const documentPath = (caseId: string, documentId: string) => `${casePath(caseId)}/documents/${encodeURIComponent(documentId)}`;

/** Calls of the review console beyond list/show (those go through the data provider). */
export const casesApi = {
  claim: async (caseId: string) => (await apiFetch(`${casePath(caseId)}/claim`, { method: 'POST' })).json as CaseSummary,

  decide: async (caseId: string, documentId: string, input: DecisionInput) =>
    (await apiFetch(`${documentPath(caseId, documentId)}/decision`, { method: 'POST', body: JSON.stringify(input) }))
      .json as DecisionResult,

  /** The server's verdict on the name and expiry being typed, as accepting would judge them (stores nothing). */
  nameCheck: async (caseId: string, documentId: string, input: { holderName: string; expiry?: string }, signal?: AbortSignal) =>
    (await apiFetch(`${documentPath(caseId, documentId)}/name-check`, { method: 'POST', body: JSON.stringify(input), signal }))
      .json as NameCheck,

  /** Multipart, like the customers' form: react-admin's fetch leaves the content type to the browser for FormData. */
  attach: async (caseId: string, kind: string, files: File[]) => {
    const form = new FormData();
    form.append('kind', kind);
    for (const file of files) form.append('files', file, file.name);
    return (await apiFetch(`${casePath(caseId)}/documents`, { method: 'POST', body: form })).json as {
      documents: { id: string; kind: string; name: string }[];
    };
  },

  /** Individuals: which address proofs the checklist asks for (standard, moved, hosted). */
  setAddressVariant: async (caseId: string, addressVariant: string) =>
    (await apiFetch(`${casePath(caseId)}/address-variant`, { method: 'POST', body: JSON.stringify({ addressVariant }) }))
      .json as CaseDetail,

  /** Asks the customer for a document the checklist misses (e.g. an ID card's back never sent). */
  requestDocument: async (caseId: string, kind: string, note?: string) =>
    (await apiFetch(`${casePath(caseId)}/request-document`, { method: 'POST', body: JSON.stringify({ kind, ...(note ? { note } : {}) }) }))
      .json as CaseSummary,

  chooseTwoFactorMethods: async (caseId: string, twoFactorMethodIds: string[]) =>
    (await apiFetch(`${casePath(caseId)}/two-factor-methods`, { method: 'POST', body: JSON.stringify({ twoFactorMethodIds }) })).json as {
      twoFactorMethodIds: string[];
    },

  reprocess: async (caseId: string, documentId: string) =>
    (await apiFetch(`${documentPath(caseId, documentId)}/reprocess`, { method: 'POST' })).json as { id: string; state: string },

  open: async (input: {
    accountId: string;
    purpose: CasePurpose;
    contactEmail?: string;
    contactOnFile?: 'primary' | 'backup';
    twoFactorMethodIds?: string[];
    callReference: string;
  }) => (await apiFetch('/identity-cases', { method: 'POST', body: JSON.stringify(input) })).json as CaseDetail,
};

/** Same-origin URLs for `<img>` and the download link: the session cookie goes along, nothing else is needed. */
export const previewUrl = (caseId: string, documentId: string) => `${API_ROOT}${documentPath(caseId, documentId)}/preview`;
export const originalUrl = (caseId: string, documentId: string) => `${API_ROOT}${documentPath(caseId, documentId)}/original`;
