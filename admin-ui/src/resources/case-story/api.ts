import { useQuery } from '@tanstack/react-query';
import type { Schemas } from '../../api/types';
import { API_ROOT, apiFetch } from '../../providers/http';

export type CaseStory = Schemas['CaseStoryResponse'];
export type StoryItem = Schemas['StoryItemResponse'];
export type StoryCase = Schemas['StoryCase'];

/** `GET /api/case-stories/:ref`: an account's (customer ID) or a case's (UUID or 8-character ref) story. */
export const useCaseStory = (ref: string) =>
  useQuery({
    queryKey: ['case-story', ref],
    queryFn: async () => (await apiFetch(`/case-stories/${encodeURIComponent(ref)}`)).json as CaseStory,
    retry: false,
  });

/** The evidence export of one case, as a same-origin link the server answers with the bundle (audited). */
export const evidenceUrl = (c: Pick<StoryCase, 'kind' | 'id'>, format: 'json' | 'zip') =>
  `${API_ROOT}/evidence/${c.kind === 'recovery_case' ? 'recovery-cases' : 'identity-cases'}/${encodeURIComponent(c.id)}${format === 'zip' ? '?format=zip' : ''}`;

export const evidenceFileName = (c: Pick<StoryCase, 'kind' | 'ref'>, format: 'json' | 'zip') =>
  `evidence-${c.kind === 'recovery_case' ? 'recovery-case' : 'identity-case'}-${c.ref}.${format}`;
