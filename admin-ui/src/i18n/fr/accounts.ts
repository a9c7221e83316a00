import type en from '../en/accounts';

/** Blocking an account on request and the staff member's own settings. */
const desk: (typeof en)['desk'] = {
  lock: {
    banner_title: 'Compte bloqué',
    banner: 'Bloqué le %{date}. Motif : %{reason}',
    banner_no_reason: 'Bloqué le %{date}.',
    banner_unknown: 'Bloqué avant que le support n’enregistre date et motif : voir le journal d’audit.',
    recovery_refused:
      'Tant que le compte est bloqué, toute action de récupération est refusée (échange d’adresses, dossier de pièces, approbation, exécution). Seul un superviseur peut le débloquer.',
    block: 'Bloquer le compte',
    block_title: 'Bloquer ce compte',
    block_text:
      'L’appelant dit que le compte est piraté ou demande son blocage. Une fois bloqué, personne ne peut modifier ses adresses ni sa double authentification, pas même le support, jusqu’au déblocage par un superviseur. Chaque adresse du compte reçoit un e-mail.',
    block_confirm: 'Bloquer le compte',
    block_needs_call: 'Pour bloquer le compte, vérifiez d’abord l’appelant sur cet appel (code relu).',
    blocked: 'Le compte est bloqué ; les adresses du client sont prévenues.',
    unblock: 'Débloquer',
    unblock_title: 'Débloquer ce compte',
    unblock_text:
      'Les actions de récupération redeviennent possibles. Chaque adresse du compte reçoit un e-mail. Indiquez pourquoi le compte peut être débloqué.',
    unblock_confirm: 'Débloquer le compte',
    unblocked: 'Le compte est débloqué ; les adresses du client sont prévenues.',
    reason_help: 'Visible par l’équipe dans l’historique et le journal d’audit (3 à 500 caractères)',
  },
  settings: {
    menu: 'Mes réglages',
    title: 'Mes réglages',
    phone_region: 'Pays des numéros de téléphone nationaux',
    phone_region_help:
      'Un numéro saisi sans indicatif (07700 900123, 06 12 34 56 78) est lu d’abord dans ce pays, puis dans les autres pays que nous servons.',
    default_region: 'Réglage du support (%{region})',
    saved: 'Réglages enregistrés',
    save: 'Enregistrer',
    regions: {
      FR: 'France',
      BE: 'Belgique',
      CH: 'Suisse',
      GB: 'Royaume-Uni',
      DE: 'Allemagne',
      ES: 'Espagne',
      IT: 'Italie',
      NL: 'Pays-Bas',
      PT: 'Portugal',
      LU: 'Luxembourg',
      IE: 'Irlande',
      PL: 'Pologne',
      CA: 'Canada',
      US: 'États-Unis',
    },
  },
};

export default { desk };
