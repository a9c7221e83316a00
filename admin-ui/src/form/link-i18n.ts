import type { FormLocale } from './i18n';

/**
 * The texts of the page a customer lands on from a recovery mail's link (cancel during the hold, "this was not me"
 * after execution). Kept apart from the identity form's texts; same `%{name}` interpolation.
 */
export const linkEn = {
  page_title: 'Your account',
  loading: 'Loading…',
  cancel: {
    title: 'Cancel a request on your account',
    what: 'Our support received a request on your account: %{what}. It has not taken effect yet.',
    advice: 'If you did not ask for this, or no longer want it, cancel it here. Nothing will change on your account.',
    button: 'Cancel this request',
    sending: 'Cancelling…',
    done_title: 'Request cancelled',
    done: 'The request is cancelled. Nothing was changed on your account. We sent you a confirmation by email.',
  },
  report: {
    title: 'Report a change you did not ask for',
    what: 'Our support made this change on your account: %{what}.',
    advice:
      'If you did not ask for it, tell us now: we lock your account at once to protect it, and our team checks what happened.',
    button: 'This was not me',
    sending: 'Sending…',
    done_title: 'Report received',
    done: 'Thank you. Your account is locked to protect it and our team was alerted. We will contact you at the addresses we know.',
  },
  none: {
    title: 'Request closed',
    text: 'This request is already closed: there is nothing left to do with this link.',
  },
  invalid: {
    title: 'Link no longer valid',
    text: 'This link can no longer be used: it was already used, or it has expired. Each link works once.',
  },
  help: 'Worried about your account? Call our support on 1007 (+33 9 72 10 10 07 from abroad).',
  genuine: 'Our genuine emails always carry your customer ID in their subject. We never ask for your password.',
  retry: 'Try again',
  errors: {
    network: 'The service cannot be reached. Check your connection and try again.',
    conflict: 'This request can no longer be changed: it moved on meanwhile. Reload the page to see where it stands.',
    generic: 'Something went wrong. Try again in a moment.',
  },
  what: {
    pending: {
      backup_to_primary: 'your backup email address is to become your primary email address',
      replace_contact_email: 'the contact (primary) email address of your account is to be replaced with a new one',
      disable_2fa: 'two-factor authentication is to be turned off on your account',
    },
    done: {
      backup_to_primary: 'your backup email address became your primary email address',
      replace_contact_email: 'the contact (primary) email address of your account was replaced with a new one',
      disable_2fa: 'two-factor authentication was turned off on your account',
    },
    unknown: 'a change of your account’s security settings',
  },
};

export type LinkMessages = typeof linkEn;

export const linkFr: LinkMessages = {
  page_title: 'Votre compte',
  loading: 'Chargement…',
  cancel: {
    title: 'Annuler une demande sur votre compte',
    what: 'Notre support a reçu une demande sur votre compte : %{what}. Elle n’a pas encore pris effet.',
    advice: 'Si vous ne l’avez pas demandé, ou si vous n’en voulez plus, annulez-la ici. Rien ne changera sur votre compte.',
    button: 'Annuler cette demande',
    sending: 'Annulation…',
    done_title: 'Demande annulée',
    done: 'La demande est annulée. Rien n’a été changé sur votre compte. Nous vous avons envoyé une confirmation par e-mail.',
  },
  report: {
    title: 'Signaler un changement que vous n’avez pas demandé',
    what: 'Notre support a fait ce changement sur votre compte : %{what}.',
    advice:
      'Si vous ne l’avez pas demandé, dites-le-nous tout de suite : nous bloquons aussitôt votre compte pour le protéger et notre équipe vérifie ce qui s’est passé.',
    button: 'Ce n’était pas moi',
    sending: 'Envoi…',
    done_title: 'Signalement reçu',
    done: 'Merci. Votre compte est bloqué pour le protéger et notre équipe a été alertée. Nous vous contacterons aux adresses que nous connaissons.',
  },
  none: {
    title: 'Demande close',
    text: 'Cette demande est déjà close : ce lien n’a plus rien à faire.',
  },
  invalid: {
    title: 'Lien plus valable',
    text: 'Ce lien ne peut plus être utilisé : il a déjà servi, ou il a expiré. Chaque lien ne fonctionne qu’une fois.',
  },
  help: 'Inquiet pour votre compte ? Appelez notre support au 1007 (+33 9 72 10 10 07 depuis l’étranger).',
  genuine: 'Nos véritables e-mails portent toujours votre identifiant client dans leur objet. Nous ne vous demandons jamais votre mot de passe.',
  retry: 'Réessayer',
  errors: {
    network: 'Le service est injoignable. Vérifiez votre connexion et réessayez.',
    conflict: 'Cette demande ne peut plus être modifiée : elle a évolué entre-temps. Rechargez la page pour voir où elle en est.',
    generic: 'Une erreur est survenue. Réessayez dans un instant.',
  },
  what: {
    pending: {
      backup_to_primary: 'votre adresse e-mail de secours doit devenir votre adresse e-mail principale',
      replace_contact_email: 'l’adresse e-mail de contact (principale) de votre compte doit être remplacée par une nouvelle',
      disable_2fa: 'la double authentification doit être désactivée sur votre compte',
    },
    done: {
      backup_to_primary: 'votre adresse e-mail de secours est devenue votre adresse e-mail principale',
      replace_contact_email: 'l’adresse e-mail de contact (principale) de votre compte a été remplacée par une nouvelle',
      disable_2fa: 'la double authentification a été désactivée sur votre compte',
    },
    unknown: 'un changement des réglages de sécurité de votre compte',
  },
};

const MESSAGES: Record<FormLocale, LinkMessages> = { en: linkEn, fr: linkFr };

export type LinkTranslate = (key: string, values?: Record<string, string>) => string;

export function linkTranslator(locale: FormLocale): LinkTranslate {
  return (key, values = {}) => {
    const found = key
      .split('.')
      .reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), MESSAGES[locale]);
    const text = typeof found === 'string' ? found : key;
    return text.replace(/%\{(\w+)\}/g, (match, name: string) => (name in values ? values[name] : match));
  };
}
