import type en from '../en/link';

/** The page a customer lands on from a recovery mail's link (cancel during the hold, "this was not me"). */
const link: (typeof en)['link'] = {
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
  genuine:
    'Nos véritables e-mails portent toujours votre identifiant client dans leur objet. Nous ne vous demandons jamais votre mot de passe.',
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

export default { link };
