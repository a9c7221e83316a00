import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRecordContext, useStore } from 'react-admin';
import { apiFetch } from '../../providers/http';
import type { AccountDetail } from './types';
import type { Schemas } from '../../api/types';

export type ScriptLanguage = 'fr' | 'en';
export const SCRIPT_LANGUAGES: ScriptLanguage[] = ['fr', 'en'];

/** One step's sentence as `GET /api/call-scripts` gives it. */
export type CallScriptRecord = Schemas['CallScriptResponse'];

/** With the address customer mails come from: what the caller looks for in a spam folder. */
export type CallScripts = Schemas['CallScriptsResponse'];

const QUERY_KEY = ['call-scripts'];

/** The sentences, asked once and shared by every step of the page; a supervisor's save refreshes them. */
export function useCallScripts(enabled = true) {
  return useQuery({
    queryKey: QUERY_KEY,
    queryFn: async (): Promise<CallScripts> => (await apiFetch('/call-scripts')).json as CallScripts,
    staleTime: 60_000,
    enabled,
  });
}

export function useSaveCallScript() {
  const client = useQueryClient();
  return async (key: string, texts: Record<ScriptLanguage, string>): Promise<CallScriptRecord> => {
    const { json } = await apiFetch(`/call-scripts/${encodeURIComponent(key)}`, { method: 'PATCH', body: JSON.stringify(texts) });
    await client.invalidateQueries({ queryKey: QUERY_KEY });
    return json as CallScriptRecord;
  };
}

/** Fills `{name}` with the given values; a placeholder without a value stays visible as `{name}`. */
export function fillScript(text: string, values: Record<string, string | null | undefined>): string {
  return text.replace(/\{([^{}]+)\}/g, (whole, name: string) => values[name] ?? whole);
}

const asLanguage = (value: string | undefined): ScriptLanguage => (value === 'en' ? 'en' : 'fr');

/**
 * The language the agent speaks on this account's call: the account's language until the agent switches it
 * (kept per account, so a reload keeps the choice).
 */
export function useCallLanguage(): [ScriptLanguage, (language: ScriptLanguage) => void] {
  const account = useRecordContext<AccountDetail>();
  const [language, setLanguage] = useStore<ScriptLanguage | null>(`call.language.${account?.id ?? 'none'}`, null);
  return [language ?? asLanguage(account?.language), setLanguage];
}
