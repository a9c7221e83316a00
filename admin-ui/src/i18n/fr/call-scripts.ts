import type en from '../en/call-scripts';

/** Call scripts (what to say), their supervisors' screen, the home page per role. */
const calls: (typeof en)['calls'] = {
  script: {
    label: 'Ce qu’il faut dire à l’appelant',
    say: 'Dites :',
    language: 'Langue de l’appel',
    language_fr: 'Français',
    language_en: 'Anglais',
    call_in_fr: 'Appel en français',
    call_in_en: 'Appel en anglais',
  },
  notice: {
    signin_code:
      'Code de sécurité envoyé par la connexion du client elle-même le %{date} à %{time} à %{destination}. Ce n’est pas un code de cet appel : le client l’a reçu en se connectant.',
    password_reset:
      'Mail de réinitialisation du mot de passe envoyé le %{date} à %{time} à %{destination} (demandé par le client sur la page de connexion).',
  },
  steps: {
    verification: { start: 'Début de la vérification' },
    code: {
      send_backup_email: 'Code envoyé à l’adresse de secours',
      send_primary_email: 'Code envoyé à l’adresse principale',
      spam: 'Rappel des courriers indésirables',
      match: 'Code correct',
      no_match: 'Code erroné',
      expired: 'Code expiré',
      locked: 'Vérification des codes bloquée',
    },
    stated: { ask: 'Demande d’une valeur enregistrée' },
    customer_id: { reminder: 'Rappel de l’identifiant client' },
    password: { reset_sent: 'Mail de réinitialisation envoyé', self_service: 'Réinitialisation du mot de passe (par le client)' },
    signin_code: { explain: 'Code de sécurité envoyé par la connexion du client' },
    swap: { done: 'Adresse de secours devenue principale' },
    case_2fa: { opened: 'Dossier « Désactiver la 2FA » ouvert' },
    case: { verified: 'Documents vérifiés, en attente d’approbation' },
    account: { blocked: 'Compte bloqué', unblocked: 'Compte débloqué' },
    twofa: { reenrol: 'Nouvelle inscription 2FA requise' },
  },
  scripts: {
    menu: 'Phrases d’appel',
    title: 'Ce que disent les conseillers',
    intro_edit:
      'Chaque étape d’un appel affiche sa phrase au conseiller, dans la langue de l’appel. Modifiez le français et l’anglais côte à côte ; les mots entre accolades sont remplacés par les valeurs de l’appel. Chaque modification est inscrite au journal d’audit.',
    intro_read: 'Les phrases que les conseillers lisent aux appelants à chaque étape d’un appel. Les superviseurs les modifient.',
    preview: 'Aperçu :',
    no_placeholders: 'Aucune valeur à insérer',
    placeholder: {
      maskedAddress: 'L’adresse masquée où part le mail',
      sender: 'L’adresse d’où partent nos mails',
      customerId: 'L’identifiant client du compte',
      time: 'L’heure d’envoi du mail',
    },
    save: 'Enregistrer',
    restore: 'Revenir au texte par défaut',
    saved: 'Phrase enregistrée : %{step}',
    updated: 'Modifiée par %{who} le %{date}',
    default: 'Texte par défaut',
  },
  home: {
    failed: 'Chargement impossible : %{message}',
    agent: {
      title: 'Trouver le compte de l’appelant',
      search: 'Identifiant client, e-mail, téléphone ou nom',
      search_button: 'Rechercher',
      calls: 'Vos appels du jour',
      no_calls: 'Aucun appel aujourd’hui. Commencez-en un depuis la page d’un compte.',
      call_line: 'Appel %{reference} · commencé à %{time}',
      live: 'En cours',
      ended: 'Terminé',
      verified: 'Appelant vérifié',
      locked: 'Codes bloqués',
    },
    reviewer: {
      title: 'File des documents d’identité',
      waiting: 'en attente d’examen',
      in_review: 'en cours d’examen',
      mine: 'en examen par vous',
      awaiting_reupload: 'en attente d’un document renvoyé',
      near: 'à moins de 12 h de l’objectif de %{hours} h',
      past: 'au-delà de l’objectif de %{hours} h',
      late_list: 'Dossiers proches ou au-delà de l’objectif',
      none_late: 'Aucun dossier n’approche ni ne dépasse l’objectif de %{hours} h.',
      due: '%{status} · reste %{hours} h (réponse due le %{due})',
      overdue: '%{status} · %{hours} h de retard (réponse due le %{due})',
      yours: 'À vous',
    },
    supervisor: {
      title: 'En attente d’un superviseur',
      approvals: 'actions de récupération à approuver',
      oldest_approval: 'La plus ancienne attend depuis le %{date}',
      alerts: 'alertes ouvertes',
      failed_mails: 'mails clients en échec',
      chain_unchecked: 'La chaîne d’audit n’a pas encore été vérifiée.',
      chain_ok: 'Chaîne d’audit intacte à la dernière vérification (%{date}).',
      chain_ok_full: 'Chaîne d’audit intacte à la dernière vérification complète (%{date}).',
      chain_broken: 'La chaîne d’audit a été trouvée rompue lors de la vérification du %{date}.',
      chain_open: 'Ouvrir le journal d’audit',
    },
    admin: {
      title: 'Administration du personnel',
      pending: 'demandes en attente d’un second administrateur',
      none: 'Aucune demande ne vous attend.',
    },
  },
};

export default { calls };
