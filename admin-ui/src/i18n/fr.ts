import frenchMessages from 'ra-language-french';
import type { TranslationMessages } from 'react-admin';
import { casesFr } from '../resources/identity-cases/i18n';
import { formFr } from '../form/i18n';
import { recoveryFr } from '../resources/recovery-cases/i18n';
import { deskFr } from '../resources/accounts/desk-i18n';
import { enrolFr } from '../pages/enrol-i18n';
import { supervisionFr } from '../supervision/i18n';
import { callsFr } from '../resources/accounts/calls-i18n';
import type { AppMessages } from './en';

const frApp: AppMessages = {
  // Identity-document cases (review console) and the customers' online form: kept in their own files.
  cases: casesFr,
  form: formFr,
  // Recovery actions (account page, recovery cases, approvals inbox): in their own file.
  recovery: recoveryFr,
  desk: deskFr,
  // Supervision (alerts, activity, evidence, audit export) et administration du personnel : dans leur fichier.
  sup: supervisionFr,
  calls: callsFr,
  // The page of a staff invitation or re-enrolment link (no session).
  enrol: enrolFr,
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
      title: 'Accueil',
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
    accounts: {
      search: {
        title: 'Trouver un compte',
        q: 'Identifiant client, e-mail, téléphone ou nom',
        q_help: 'Entrée lance la recherche ; la saisie la lance seule à partir de 3 caractères.',
        call_ref: "Référence d'appel",
        call_ref_help: "L'appel ou le ticket de la recherche (inscrit au journal d'audit)",
        submit: 'Rechercher',
        hint:
          "Saisissez un identifiant client (ab12345-ovh, majuscules ou minuscules, avec ou sans -ovh), une adresse e-mail, un numéro de téléphone sous toute forme, ou un nom (accents ignorés).",
        results: '%{smart_count} compte trouvé |||| %{smart_count} comptes trouvés',
        capped: 'Seuls les %{smart_count} premiers comptes sont affichés : précisez la recherche.',
        no_result: 'Aucun compte ne correspond à « %{q} ».',
        similar: 'Orthographes proches',
        similar_help: 'Aussi les noms écrits autrement (Lefebvre pour Lefèvre)',
        similar_shown:
          "Aucun compte n'a tous les mots de « %{q} » : ces noms s'écrivent de façon proche. Vérifiez l'orthographe avec l'appelant.",
      },
      type: {
        individual: 'Particulier',
        company: 'Entreprise',
        association: 'Association',
        public_administration: 'Administration publique',
        sole_trader: 'Profession libérale',
      },
      status: {
        active: 'Actif',
        locked: 'Bloqué',
      },
      language: {
        fr: 'Français',
        en: 'Anglais',
      },
      flags: {
        no_backup_email: "Pas d'e-mail de secours",
        backup_email_required: 'Nouvel e-mail de secours requis',
        two_factor_on: '2FA active',
        two_factor_off: '2FA inactive',
      },
      notices: {
        locked: 'Ce compte est bloqué.',
        no_backup_email:
          "Aucune adresse e-mail de secours : le support téléphonique ne peut pas échanger les adresses de ce compte. Si l'adresse principale ne fonctionne plus, le client doit passer par le formulaire de vérification d'identité en ligne (pièces justificatives, réponse sous 72 heures).",
        backup_email_required:
          "Depuis le dernier échange d'adresses, le client doit enregistrer une nouvelle adresse e-mail de secours : rappelez-le-lui.",
      },
      sections: {
        contact: 'Coordonnées',
        two_factor: 'Double authentification',
        timeline: 'Historique de sécurité',
        call: "Vérification de l'appelant",
        reminder: "Rappel de l'identifiant client",
      },
      contact: {
        none: '—',
        masked: 'Masquées',
        unmasked: 'Démasquées',
        masked_note:
          "Masquées tant que l'appelant n'a pas validé un code pendant cet appel. Ne communiquez rien avant.",
        unmasked_note:
          "Affichées en clair pour l'appel %{callRef}. Cet accès est inscrit au journal d'audit ; les données disparaissent à la fin de l'appel.",
        hide: 'Masquer à nouveau',
      },
      two_factor: {
        none: 'Double authentification inactive : aucune méthode enregistrée.',
        kind: {
          totp: "Application d'authentification",
          security_key: 'Clé de sécurité',
          sms: 'SMS',
          backup_codes: 'Codes de secours',
        },
        created: 'ajoutée le %{date}',
        last_used: 'dernière utilisation le %{date}',
        never_used: 'jamais utilisée',
        codes_left: '%{smart_count} code restant |||| %{smart_count} codes restants',
        no_codes_left:
          "Plus aucun code de secours : le client doit utiliser une autre méthode, ou demander la désactivation de la double authentification (pièces justificatives).",
        reenrol_required:
          'Réinscription 2FA requise : des méthodes ont été retirées par une désactivation de la 2FA ; le client doit enregistrer une nouvelle méthode (l’exigence tombe quand il le fait).',
      },
      timeline: {
        empty: 'Aucun événement de sécurité enregistré.',
        load_more: 'Voir plus',
        refresh: 'Actualiser',
        failed: "L'historique n'a pas pu être chargé : %{message}",
        columns: {
          at: 'Date et heure',
          event: 'Événement',
          channel: 'Canal',
          destination: 'Envoyé à',
          detail: 'Détail',
        },
        kind: {
          login: 'Connexion',
          login_failed: 'Échec de connexion',
          login_code_sent: 'Code de sécurité envoyé par la connexion du client',
          password_reset_sent: 'E-mail de réinitialisation du mot de passe envoyé',
          password_changed: 'Mot de passe modifié',
          '2fa_enabled': 'Double authentification activée',
          '2fa_disabled': 'Double authentification désactivée',
          '2fa_method_added': 'Méthode de double authentification ajoutée',
          '2fa_method_removed': 'Méthode de double authentification supprimée',
          contact_email_changed: 'Adresse e-mail principale modifiée',
          backup_email_changed: 'Adresse e-mail de secours modifiée',
          customer_id_reminder_sent: "Rappel de l'identifiant client envoyé",
          verification_code_sent: "Code de vérification d'appel envoyé",
          account_locked: 'Compte bloqué',
          account_unlocked: 'Compte débloqué',
        },
        channel: {
          web: 'Web',
          api: 'API',
          email: 'E-mail',
          sms: 'SMS',
          phone_support: 'Support téléphonique',
        },
        detail: {
          backup_email: "à l'adresse de secours",
          primary_email: "à l'adresse principale",
        },
      },
      verification: {
        intro: "Vérifiez l'appelant avant de communiquer quoi que ce soit : saisissez la référence d'appel et commencez.",
        call_ref: "Référence d'appel",
        call_ref_required: "Saisissez la référence de l'appel ou du ticket (3 caractères au moins)",
        start: 'Commencer la vérification',
        call_label: 'Appel',
        started: 'commencé à %{time}',
        time_left: 'reste %{time}',
        expired: 'La vérification de cet appel a expiré (%{minutes} minutes). Commencez-en une nouvelle pour continuer.',
        new_call: "Terminer l'appel",
        proven: 'Appelant vérifié : possession prouvée (%{channels}).',
        not_proven: "Appelant pas encore vérifié : ne communiquez rien sur le compte.",
        locked: 'Trop de codes erronés : la saisie de code est bloquée pour cet appel.',
        send_code: '1. Envoyer un code',
        to_backup_email: "À l'adresse de secours",
        to_primary_email: "À l'adresse principale",
        no_backup_reason: "Aucune adresse de secours : le code ne peut partir qu'à l'adresse principale.",
        code_sent: 'Code envoyé à %{destination}, valable jusqu’à %{time}.',
        code_section: "2. Code lu par l'appelant",
        enter_code: 'Code à 6 chiffres',
        check_code: 'Vérifier le code',
        code_format: "Saisissez les 6 chiffres lus par l'appelant",
        code_attempts: '%{smart_count} essai restant |||| %{smart_count} essais restants',
        stated: "Valeurs données par l'appelant",
        stated_field: 'Champ',
        stated_value: 'Valeur donnée',
        stated_check: 'Comparer',
        stated_help: 'Réponse : correspond ou non ; la valeur enregistrée ne s’affiche jamais.',
        stated_account_limit: 'Plus d’essai possible sur ce compte aujourd’hui, quel que soit l’appel : les superviseurs ont été alertés.',
        tries_left: '%{smart_count} essai restant |||| %{smart_count} essais restants',
        checks: 'Contrôles de cet appel',
        no_checks: 'Aucun contrôle pour le moment.',
        columns: {
          at: 'Heure',
          check: 'Contrôle',
          result: 'Résultat',
        },
        kind: {
          code: 'Code',
          stated_value: 'Déclaré',
        },
        subject: {
          backup_email: 'E-mail de secours',
          primary_email: 'E-mail principal',
          phone: 'Téléphone',
          postal_code: 'Code postal',
        },
        result: {
          match: 'Correspond',
          no_match: 'Ne correspond pas',
          expired: 'Expiré',
          locked: 'Bloqué',
          no_value_on_file: 'Rien d’enregistré',
        },
        outcome: {
          code_match: "Le code correspond : l'appelant a accès à la boîte aux lettres (%{channels}).",
          code_no_match: 'Code erroné. %{attempts}.',
          code_expired: 'Ce code a expiré : envoyez-en un nouveau.',
          code_locked: 'Trop de codes erronés : la saisie de code est bloquée pour cet appel.',
          stated_match: '%{field} : correspond.',
          stated_no_match: '%{field} : ne correspond pas. %{tries}.',
          stated_no_value_on_file: '%{field} : rien d’enregistré, comparaison impossible.',
        },
      },
      unmask: {
        button: 'Démasquer',
        disabled_reason: "Possible une fois que l'appelant a validé un code pendant cet appel.",
        title: 'Afficher les coordonnées en clair',
        explain:
          "L'appelant a prouvé la possession d'une adresse enregistrée (%{channels}). Indiquez pourquoi vous avez besoin des coordonnées complètes : votre motif et cet accès sont inscrits au journal d'audit.",
        reason: 'Motif',
        reason_help: '3 à 500 caractères',
        reason_required: 'Indiquez pourquoi vous avez besoin des coordonnées complètes (3 caractères au moins)',
        confirm: 'Démasquer',
        done: "Coordonnées démasquées ; l'accès est inscrit au journal d'audit.",
      },
      reminder: {
        description:
          "Envoie l'identifiant client à l'adresse e-mail principale enregistrée (%{destination}), jamais à l'appelant : aucune vérification n'est nécessaire.",
        button: "Envoyer l'identifiant",
        sent: 'Identifiant client envoyé à %{destination}.',
      },
    },
    outbox: {
      all: 'Tous',
      status: {
        pending: 'En attente',
        sent: 'Envoyé',
        failed: 'En échec',
      },
      template: {
        verification_code: 'Code de vérification',
        customer_id_reminder: "Rappel de l'identifiant client",
      },
    },
  },
  resources: {
    accounts: {
      name: 'Compte |||| Comptes',
      fields: {
        id: 'ID',
        customerId: 'Identifiant client',
        name: 'Nom',
        companyName: 'Société',
        legalRepresentative: 'Représentant légal',
        accountType: 'Type',
        primaryEmail: 'E-mail principal',
        backupEmail: 'E-mail de secours',
        phone: 'Téléphone',
        addressLine: 'Adresse',
        postalCode: 'Code postal',
        city: 'Ville',
        country: 'Pays',
        status: 'Statut',
        state: 'État',
        language: 'Langue',
        createdAt: 'Client depuis',
      },
    },
    'mail-outbox': {
      name: 'E-mail |||| E-mails envoyés',
      fields: {
        createdAt: 'Créé le',
        template: 'E-mail',
        language: 'Langue',
        to: 'Destinataire',
        status: 'Statut',
        attempts: 'Tentatives',
        lastError: 'Dernière erreur',
        sentAt: 'Envoyé le',
        accountId: 'Compte',
      },
    },
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
