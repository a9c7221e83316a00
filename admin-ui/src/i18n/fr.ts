import frenchMessages from 'ra-language-french';
import type { TranslationMessages } from 'react-admin';
import type { AppMessages } from './en';

const frApp: AppMessages = {
  rd: {
    app_title: 'Recovery Desk',
    main_menu: 'Menu principal',
    none: 'Aucune donnée',
    utc: 'UTC : %{iso}',
    auth: {
      session_ended: 'Votre session a pris fin. Veuillez vous reconnecter.',
    },
    login: {
      title: 'Connexion du personnel',
      email: 'Adresse e-mail',
      password: 'Mot de passe',
      otp: 'Code',
      otp_help: "Code à 6 chiffres de votre application d'authentification",
      otp_format: 'Saisissez les 6 chiffres du code',
      submit: 'Se connecter',
      errors: {
        unauthorized: 'Adresse e-mail, mot de passe ou code incorrect.',
        too_many: 'Trop de tentatives échouées. Veuillez réessayer plus tard.',
        invalid: 'Veuillez vérifier les champs signalés.',
        unavailable: 'Le service est injoignable. Veuillez réessayer dans un instant.',
      },
    },
    dashboard: {
      title: 'Bienvenue',
      greeting: 'Connecté en tant que %{name}',
      roles: 'Rôles : %{roles}',
      hint: 'Le menu présente les rubriques auxquelles votre rôle donne accès.',
    },
    roles: {
      agent: 'Agent du support téléphonique',
      reviewer: 'Analyste conformité',
      supervisor: 'Superviseur',
      admin: 'Administrateur',
    },
    audit: {
      outcome: {
        success: 'Réussite',
        failure: 'Échec',
        denied: 'Refusé',
      },
      verify: {
        title: "Intégrité du journal d'audit",
        description: 'Recalcule la chaîne d’empreintes sur le serveur, de la première entrée à la dernière.',
        button: 'Vérifier la chaîne',
        intact:
          'Chaîne intacte — %{smart_count} entrée vérifiée |||| Chaîne intacte — %{smart_count} entrées vérifiées',
        broken: "Chaîne rompue à l'entrée %{id}",
        checked: '%{smart_count} entrée vérifiée |||| %{smart_count} entrées vérifiées',
        checkpoint: 'Dernier point de contrôle : %{at} (%{status})',
        checkpoint_ok: 'intact',
        checkpoint_broken: 'rompu',
        open_entry: "Ouvrir l'entrée",
        failed: "La chaîne n'a pas pu être vérifiée : %{message}",
      },
    },
  },
  resources: {
    'audit-events': {
      name: "Entrée du journal |||| Journal d'audit",
      fields: {
        id: "ID de l'entrée",
        at: 'Date et heure',
        actor: 'Auteur (e-mail ou ID)',
        actorEmail: 'Auteur',
        actorId: "ID de l'auteur",
        actorRoles: 'Rôles',
        action: 'Action',
        outcome: 'Résultat',
        target: 'Cible',
        targetType: 'Type de cible',
        targetId: 'ID de la cible',
        caseId: 'Dossier',
        reason: 'Motif',
        ip: 'Adresse IP',
        requestId: 'ID de requête',
        before: 'Avant (masqué)',
        after: 'Après (masqué)',
        prevHash: 'Empreinte précédente',
        hash: 'Empreinte',
        from: 'Du',
        to: 'Au',
      },
    },
    staff: {
      name: 'Membre du personnel |||| Personnel',
      fields: {
        id: 'ID',
        email: 'Adresse e-mail',
        name: 'Nom',
        roles: 'Rôles',
        active: 'Actif',
        createdAt: 'Créé le',
      },
    },
  },
};

export const fr: TranslationMessages = { ...frenchMessages, ...frApp };
