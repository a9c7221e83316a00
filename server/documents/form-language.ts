export const FORM_LANGUAGES = ['fr', 'en'] as const;
export type FormLanguage = (typeof FORM_LANGUAGES)[number];

/**
 * The language of the customer's form: the one it states, else the first of Accept-Language's (by weight) that
 * the mails are written in, else French. Never the account's: that would tell who exists.
 */
export function formLanguage(stated: FormLanguage | undefined, acceptLanguage: string | undefined): FormLanguage {
  if (stated) return stated;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = Number(
        params
          .map((p) => p.trim())
          .find((p) => p.startsWith('q='))
          ?.slice(2) ?? 1,
      );
      return { primary: tag.split('-')[0], q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((l) => l.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return ranked.map((l) => l.primary).find((p): p is FormLanguage => (FORM_LANGUAGES as readonly string[]).includes(p)) ?? 'fr';
}
