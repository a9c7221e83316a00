import { useCallback, useEffect, useState } from 'react';

/**
 * The customer form's texts. Also reachable as `form.*` in the console's messages (en.ts / fr.ts), but the form
 * page itself imports only this file: it loads no react-admin code.
 */
export const formEn = {
  page_title: 'Identity verification',
  brand: 'Customer account recovery',
  intro:
    'If you can no longer sign in and no backup email works, or every two-factor method is lost, send us identity documents here. We check them and answer within 72 hours by email.',
  switch_language: 'Français',
  switch_language_label: 'Lire cette page en français',
  steps: {
    label: 'Steps',
    details: 'Your request',
    confirm: 'Your email',
    documents: 'Documents',
    send: 'Send',
    current: 'current step',
    done: 'done',
  },
  step_of: 'Step %{n} of 4',
  required_mark: 'required',
  optional_mark: 'optional',
  loading: 'Loading…',
  new_request: 'Start a new request',
  details: {
    title: 'Your request',
    customer_id: 'Customer ID',
    customer_id_hint:
      'For example ab12345-ovh. It is at the top right of your invoices and in the subject of our emails.',
    account_type: 'Account type',
    account_type_hint: 'As chosen when the account was created.',
    choose: 'Choose…',
    purpose: 'What do you need?',
    purpose_replace_email: 'Replace my contact email',
    purpose_replace_email_hint: 'My contact email no longer works and no working backup email is on my account.',
    purpose_disable_2fa: 'Disable two-factor authentication',
    purpose_disable_2fa_hint: 'I lost every two-factor method (phone, security key, backup codes).',
    contact_email_new: 'The new address',
    contact_email_new_hint: 'The address that will replace your contact email. We send a code to it now.',
    contact_email: 'Your email address',
    contact_email_hint: 'An address you can read now: we send a code to it, then our answer.',
    submit: 'Continue',
    sending: 'Sending…',
    required: 'Fill in this field.',
    choose_one: 'Choose one of the options.',
    invalid_email: 'Type a full email address, such as name@example.com.',
    invalid_customer_id: 'Type your customer ID (3 to 40 characters), for example ab12345-ovh.',
  },
  account_type: {
    individual: 'Individual',
    company: 'Company',
    association: 'Association',
    public_administration: 'Public administration',
    sole_trader: 'Sole trader (liberal profession)',
  },
  confirm: {
    title: 'Confirm your email address',
    sent_to: 'We emailed a 6-digit code to %{email}.',
    sent: 'We emailed you a 6-digit code (to the address given for this request).',
    spam: 'It can take a few minutes; look in your spam folder too. The code is valid for 30 minutes.',
    code: 'Code from the email',
    code_hint: '6 digits',
    format: 'Type the 6 digits of the code.',
    submit: 'Confirm',
    wrong: 'This is not the code we sent. Check the email and try again.',
    expired: 'This code can no longer be used (expired, or too many wrong attempts). Start a new request.',
  },
  documents: {
    title: 'Your documents',
    rules_title: 'What we accept',
    rule_formats: 'JPG, JPEG, PNG or PDF files, at most 10 MB each.',
    rule_identity:
      'Identity documents: both sides for a two-sided document (ID card, driving licence), showing full name, date of birth and expiry date, not expired.',
    rule_proofs: 'Proofs (address, registration extracts): less than 3 months old.',
    rule_cancel: 'Any document that does not conform cancels the procedure: you would have to start a new request.',
    deadline: 'Send everything before %{date}.',
    required_title: 'Required documents',
    optional_title: 'Other documents (only if they apply to you)',
    received_title: 'Received:',
    none_yet: 'Nothing received yet.',
    choose: 'Choose the file(s)',
    too_big: '%{name} is larger than 10 MB.',
    empty: '%{name} is empty.',
    bad_type: '%{name} is not a JPG, PNG or PDF file.',
    continue: 'Continue',
    missing: 'Still missing: %{list}.',
    instant: 'Each file is sent as soon as you choose it: there is no separate button to press.',
    instant_short: 'Sent as soon as chosen.',
    choose_more: 'Add a file',
    uploads_label: 'Files being sent',
    progress_label: 'Sending %{name}',
    uploading: 'Sending… %{percent} %',
    received_one: '%{name} received.',
    retry: 'Try again',
    dismiss: 'Remove from the list',
    wait_uploads: 'Wait until every file is sent, then continue.',
    still_missing_title: 'Still missing before you can send your request:',
    nothing_missing: 'Every required document is here. Continue to check and send your request.',
    identity_item: 'Identity document (choose its type)',
    identity_question: 'Which identity document will you send?',
    identity_hint: 'The document of %{holder}, valid (not expired).',
    choose_type_first: 'Choose the type of identity document above: the slots to fill depend on it.',
  },
  identity_type: {
    id_card: 'National ID card',
    residence_permit: 'Residence permit',
    driving_licence: 'Driving licence',
    passport: 'Passport',
  },
  identity_type_hint: {
    id_card: 'front and back',
    residence_permit: 'front and back',
    driving_licence: 'front and back',
    passport: 'the photo page only',
  },
  identity_sides: {
    front: '%{type} — front',
    back: '%{type} — back',
    page: '%{type} — photo page',
  },
  identity_side_hint: {
    front: 'The side with the photo, whole, readable, without glare.',
    back: 'The other side, whole and readable.',
    page: 'The page with the photo and the machine-readable lines, whole and readable.',
  },
  address: {
    title: 'Your address situation',
    standard: 'I live at my own address',
    standard_hint: 'one proof of address in my name, less than 3 months old',
    moved: 'I moved recently',
    moved_hint: 'a proof for my previous address and one for my new address',
    hosted: 'Someone hosts me',
    hosted_hint: 'my host’s proof of address and their signed hosting attestation',
    saving: 'Saving your choice…',
  },
  reupload: {
    title: 'One document to send again',
    intro: 'Our reviewer asks you to send this document again: %{document}.',
    title_missing: 'One document to send',
    intro_missing: 'Our reviewer asks you to send this document: %{document}.',
    reason: {
      unreadable: 'The picture cannot be read (blurred, too dark or too small).',
      cut: 'Part of the document is cut off.',
      glare: 'A reflection hides part of the document.',
      other: 'The reviewer explains why below.',
      missing: 'It is missing from the documents you sent.',
    },
    note: 'The reviewer’s note:',
    how: 'Take a new picture or scan of the whole document, flat, in good light, without flash. As soon as it is received, your request goes back to review: there is nothing else to send.',
    how_missing: 'Send a picture or scan of the whole document, flat, in good light, without flash. As soon as it is received, your request goes back to review: there is nothing else to send.',
    asked_mark: 'asked again',
    asked_mark_missing: 'asked',
    unknown: 'This request is waiting for a document, but we cannot show which. Contact us by replying to our email.',
  },
  codes: {
    not_the_requested_document: 'Only the document asked again can be sent now.',
    documents_missing: 'Documents are still missing: see the list above.',
    identity_type_not_applicable: 'Only an identity document has a type.',
    variant_not_applicable: 'Address situations apply only to individual accounts.',
    too_many_code_mails: 'Too many codes were sent to this email address. Try again in an hour.',
  },
  holder: {
    individual: 'the account holder',
    company: 'the company’s legal manager',
    association: 'the association’s president',
    public_administration: 'the mayor or a deputy',
    sole_trader: 'the account holder',
  },
  kind: {
    identity_front: 'Identity document — front (or passport photo page)',
    identity_back: 'Identity document — back',
    proof_of_address: 'Proof of address',
    old_proof_of_address: 'Proof of your previous address',
    host_proof_of_address: 'Proof of address of your host',
    hosting_attestation: 'Hosting attestation',
    company_registration: 'Company registration extract',
    business_register_notice: 'National business register notice',
    attestation_letterhead: 'Attestation on letterhead',
    assembly_minutes: 'Minutes of the last general assembly',
    declaration_receipt: 'Declaration receipt',
    other: 'Other document',
  },
  kind_hint: {
    identity_front: 'ID card, driving licence or passport of %{holder}.',
    identity_back: 'Needed for a two-sided document (ID card, driving licence); not for a passport.',
    proof_of_address: 'In your name, less than 3 months old (energy or phone bill, tax notice…); if you moved, for the new address.',
    old_proof_of_address: 'In your name, for the address you left, less than 3 months old (e.g. the final bill).',
    host_proof_of_address: 'If someone hosts you: their proof of address, less than 3 months old.',
    hosting_attestation: 'If someone hosts you: their signed attestation that you live with them.',
    company_registration: 'Less than 3 months old: Kbis extract in France, Moniteur belge extract in Belgium.',
    business_register_notice: 'The national business register notice (avis de situation Sirene in France).',
    attestation_letterhead: 'Signed, on the organisation’s letterhead, naming the person who asks.',
    assembly_minutes: 'Minutes of the association’s last general assembly.',
    declaration_receipt: 'The receipt of the association’s declaration.',
    other: 'Anything else that supports your request.',
  },
  send: {
    title: 'Send your request',
    intro: 'Check the list below, then send. You can no longer add documents afterwards.',
    submit: 'Send my request',
    sending: 'Sending…',
    back: 'Back to the documents',
    files: '%{smart_count} file: %{names} |||| %{smart_count} files: %{names}',
    missing_item: 'missing',
  },
  done: {
    title: 'Request received',
    text: 'We received your request and your documents. You will be answered within 72 hours by email.',
    reference: 'Reference: %{ref}',
    genuine: 'Our emails always carry your customer ID in their subject.',
  },
  closed: {
    in_review: 'Your request is being reviewed. You will be answered by email.',
    verified: 'Your documents were verified. You will be told by email before the change takes effect.',
    rejected: 'Your request could not go ahead; we told you why by email. You can start a new request.',
    expired: 'This request has expired: documents were not sent in time. Start a new request.',
  },
  errors: {
    network: 'The service cannot be reached. Check your connection and try again.',
    not_found: 'This request cannot be found, or the link has expired. Start a new request.',
    throttled: 'Too many requests were opened from here or for this customer ID. Try again later.',
    throttled_address: 'Too many codes were sent to this email address. Try again in an hour.',
    too_large: 'Too large: at most 10 MB a file, and at most 5 files at once.',
    unsupported: 'This file is not a JPG, PNG or PDF file (whatever its name says).',
    empty: 'This file is empty.',
    malformed: 'The upload did not arrive whole. Send it again.',
    conflict: 'This request can no longer be changed.',
    invalid: 'Check the highlighted fields.',
    generic: 'Something went wrong. Try again in a moment.',
    server_said: 'Details: %{message}',
  },
};

export type FormMessages = typeof formEn;

export const formFr: FormMessages = {
  page_title: 'Vérification d’identité',
  brand: 'Récupération du compte client',
  intro:
    'Si vous ne pouvez plus vous connecter et qu’aucune adresse de secours ne fonctionne, ou si vous avez perdu toutes vos méthodes de double authentification, envoyez-nous ici des justificatifs d’identité. Nous les vérifions et vous répondons sous 72 heures par e-mail.',
  switch_language: 'English',
  switch_language_label: 'Read this page in English',
  steps: {
    label: 'Étapes',
    details: 'Votre demande',
    confirm: 'Votre adresse',
    documents: 'Justificatifs',
    send: 'Envoi',
    current: 'étape en cours',
    done: 'terminée',
  },
  step_of: 'Étape %{n} sur 4',
  required_mark: 'obligatoire',
  optional_mark: 'facultatif',
  loading: 'Chargement…',
  new_request: 'Commencer une nouvelle demande',
  details: {
    title: 'Votre demande',
    customer_id: 'Identifiant client',
    customer_id_hint:
      'Par exemple ab12345-ovh. Il figure en haut à droite de vos factures et dans l’objet de nos e-mails.',
    account_type: 'Type de compte',
    account_type_hint: 'Celui choisi à la création du compte.',
    choose: 'Choisir…',
    purpose: 'Que souhaitez-vous ?',
    purpose_replace_email: 'Remplacer mon adresse e-mail de contact',
    purpose_replace_email_hint:
      'Mon adresse de contact ne fonctionne plus et aucune adresse de secours valide ne figure sur mon compte.',
    purpose_disable_2fa: 'Désactiver la double authentification',
    purpose_disable_2fa_hint: 'J’ai perdu toutes mes méthodes (téléphone, clé de sécurité, codes de secours).',
    contact_email_new: 'La nouvelle adresse',
    contact_email_new_hint: 'L’adresse qui remplacera votre adresse de contact. Nous y envoyons un code maintenant.',
    contact_email: 'Votre adresse e-mail',
    contact_email_hint: 'Une adresse que vous pouvez lire maintenant : nous y envoyons un code, puis notre réponse.',
    submit: 'Continuer',
    sending: 'Envoi…',
    required: 'Remplissez ce champ.',
    choose_one: 'Choisissez une des options.',
    invalid_email: 'Saisissez une adresse e-mail complète, par exemple nom@example.com.',
    invalid_customer_id: 'Saisissez votre identifiant client (3 à 40 caractères), par exemple ab12345-ovh.',
  },
  account_type: {
    individual: 'Particulier',
    company: 'Entreprise',
    association: 'Association',
    public_administration: 'Administration publique',
    sole_trader: 'Profession libérale',
  },
  confirm: {
    title: 'Confirmez votre adresse e-mail',
    sent_to: 'Nous avons envoyé un code à 6 chiffres à %{email}.',
    sent: 'Nous vous avons envoyé un code à 6 chiffres (à l’adresse donnée pour cette demande).',
    spam: 'Cela peut prendre quelques minutes ; regardez aussi dans vos courriers indésirables. Le code est valable 30 minutes.',
    code: 'Code reçu par e-mail',
    code_hint: '6 chiffres',
    format: 'Saisissez les 6 chiffres du code.',
    submit: 'Confirmer',
    wrong: 'Ce n’est pas le code envoyé. Vérifiez l’e-mail et réessayez.',
    expired: 'Ce code n’est plus utilisable (expiré, ou trop d’essais erronés). Commencez une nouvelle demande.',
  },
  documents: {
    title: 'Vos justificatifs',
    rules_title: 'Ce que nous acceptons',
    rule_formats: 'Fichiers JPG, JPEG, PNG ou PDF, 10 Mo au plus chacun.',
    rule_identity:
      'Pièces d’identité : recto et verso pour un document à deux faces (carte d’identité, permis de conduire), avec nom complet, date de naissance et date d’expiration, non expirée.',
    rule_proofs: 'Justificatifs (domicile, extraits d’immatriculation) : de moins de 3 mois.',
    rule_cancel: 'Tout document non conforme annule la procédure : il faudrait alors commencer une nouvelle demande.',
    deadline: 'Envoyez tout avant le %{date}.',
    required_title: 'Documents obligatoires',
    optional_title: 'Autres documents (seulement s’ils vous concernent)',
    received_title: 'Reçu :',
    none_yet: 'Rien reçu pour l’instant.',
    choose: 'Choisir le ou les fichiers',
    too_big: '%{name} dépasse 10 Mo.',
    empty: '%{name} est vide.',
    bad_type: '%{name} n’est pas un fichier JPG, PNG ou PDF.',
    continue: 'Continuer',
    missing: 'Il manque encore : %{list}.',
    instant: 'Chaque fichier est envoyé dès que vous le choisissez : il n’y a pas d’autre bouton à presser.',
    instant_short: 'Envoyé dès qu’il est choisi.',
    choose_more: 'Ajouter un fichier',
    uploads_label: 'Fichiers en cours d’envoi',
    progress_label: 'Envoi de %{name}',
    uploading: 'Envoi… %{percent} %',
    received_one: '%{name} reçu.',
    retry: 'Réessayer',
    dismiss: 'Retirer de la liste',
    wait_uploads: 'Attendez que tous les fichiers soient envoyés, puis continuez.',
    still_missing_title: 'Il manque encore, avant de pouvoir envoyer votre demande :',
    nothing_missing: 'Tous les documents obligatoires sont là. Continuez pour vérifier et envoyer votre demande.',
    identity_item: 'Pièce d’identité (choisissez son type)',
    identity_question: 'Quelle pièce d’identité allez-vous envoyer ?',
    identity_hint: 'La pièce %{holder}, en cours de validité.',
    choose_type_first: 'Choisissez ci-dessus le type de pièce d’identité : les documents à fournir en dépendent.',
  },
  identity_type: {
    id_card: 'Carte nationale d’identité',
    residence_permit: 'Titre de séjour',
    driving_licence: 'Permis de conduire',
    passport: 'Passeport',
  },
  identity_type_hint: {
    id_card: 'recto et verso',
    residence_permit: 'recto et verso',
    driving_licence: 'recto et verso',
    passport: 'la page photo seulement',
  },
  identity_sides: {
    front: '%{type} — recto',
    back: '%{type} — verso',
    page: '%{type} — page photo',
  },
  identity_side_hint: {
    front: 'La face avec la photo, entière, lisible, sans reflet.',
    back: 'L’autre face, entière et lisible.',
    page: 'La page avec la photo et les lignes de lecture automatique, entière et lisible.',
  },
  address: {
    title: 'Votre situation de domicile',
    standard: 'J’habite à ma propre adresse',
    standard_hint: 'un justificatif de domicile à mon nom, de moins de 3 mois',
    moved: 'J’ai déménagé récemment',
    moved_hint: 'un justificatif pour mon ancienne adresse et un pour la nouvelle',
    hosted: 'Je suis hébergé',
    hosted_hint: 'le justificatif de domicile de mon hébergeant et son attestation d’hébergement signée',
    saving: 'Enregistrement de votre choix…',
  },
  reupload: {
    title: 'Un document à renvoyer',
    intro: 'Notre vérificateur vous demande de renvoyer ce document : %{document}.',
    title_missing: 'Un document à envoyer',
    intro_missing: 'Notre vérificateur vous demande d’envoyer ce document : %{document}.',
    reason: {
      unreadable: 'L’image est illisible (floue, trop sombre ou trop petite).',
      cut: 'Une partie du document est coupée.',
      glare: 'Un reflet masque une partie du document.',
      other: 'Le vérificateur en donne la raison ci-dessous.',
      missing: 'Il manque parmi les documents que vous avez envoyés.',
    },
    note: 'La remarque du vérificateur :',
    how: 'Prenez une nouvelle photo ou un nouveau scan du document entier, à plat, bien éclairé, sans flash. Dès sa réception, votre demande repart en vérification : vous n’avez rien d’autre à envoyer.',
    how_missing: 'Envoyez une photo ou un scan du document entier, à plat, bien éclairé, sans flash. Dès sa réception, votre demande repart en vérification : vous n’avez rien d’autre à envoyer.',
    asked_mark: 'demandé à nouveau',
    asked_mark_missing: 'demandé',
    unknown: 'Cette demande attend un document, mais nous ne pouvons pas afficher lequel. Contactez-nous en répondant à notre e-mail.',
  },
  codes: {
    not_the_requested_document: 'Seul le document demandé à nouveau peut être envoyé maintenant.',
    documents_missing: 'Des documents manquent encore : voir la liste ci-dessus.',
    identity_type_not_applicable: 'Seule une pièce d’identité a un type.',
    variant_not_applicable: 'Les situations de domicile ne concernent que les comptes de particuliers.',
    too_many_code_mails: 'Trop de codes ont été envoyés à cette adresse e-mail. Réessayez dans une heure.',
  },
  holder: {
    individual: 'du titulaire du compte',
    company: 'du représentant légal de l’entreprise',
    association: 'du président de l’association',
    public_administration: 'du maire ou d’un adjoint',
    sole_trader: 'du titulaire du compte',
  },
  kind: {
    identity_front: 'Pièce d’identité — recto (ou page photo du passeport)',
    identity_back: 'Pièce d’identité — verso',
    proof_of_address: 'Justificatif de domicile',
    old_proof_of_address: 'Justificatif de votre ancienne adresse',
    host_proof_of_address: 'Justificatif de domicile de votre hébergeant',
    hosting_attestation: 'Attestation d’hébergement',
    company_registration: 'Extrait d’immatriculation de l’entreprise',
    business_register_notice: 'Avis de situation au répertoire Sirene',
    attestation_letterhead: 'Attestation sur papier à en-tête',
    assembly_minutes: 'Procès-verbal de la dernière assemblée générale',
    declaration_receipt: 'Récépissé de déclaration',
    other: 'Autre document',
  },
  kind_hint: {
    identity_front: 'Carte d’identité, permis de conduire ou passeport %{holder}.',
    identity_back: 'Nécessaire pour un document à deux faces (carte d’identité, permis) ; pas pour un passeport.',
    proof_of_address: 'À votre nom, de moins de 3 mois (facture d’énergie ou de téléphone, avis d’imposition…) ; si vous avez déménagé, pour la nouvelle adresse.',
    old_proof_of_address: 'À votre nom, pour l’adresse quittée, de moins de 3 mois (par exemple la facture de clôture).',
    host_proof_of_address: 'Si vous êtes hébergé : le justificatif de domicile de votre hébergeant, de moins de 3 mois.',
    hosting_attestation: 'Si vous êtes hébergé : l’attestation signée de votre hébergeant.',
    company_registration: 'De moins de 3 mois : extrait Kbis en France, extrait du Moniteur belge en Belgique.',
    business_register_notice: 'L’avis de situation au répertoire Sirene (INSEE).',
    attestation_letterhead: 'Signée, sur papier à en-tête de l’organisme, nommant la personne qui fait la demande.',
    assembly_minutes: 'Le procès-verbal de la dernière assemblée générale de l’association.',
    declaration_receipt: 'Le récépissé de déclaration de l’association.',
    other: 'Tout autre document à l’appui de votre demande.',
  },
  send: {
    title: 'Envoyez votre demande',
    intro: 'Vérifiez la liste ci-dessous, puis envoyez. Vous ne pourrez plus ajouter de document ensuite.',
    submit: 'Envoyer ma demande',
    sending: 'Envoi…',
    back: 'Retour aux justificatifs',
    files: '%{smart_count} fichier : %{names} |||| %{smart_count} fichiers : %{names}',
    missing_item: 'manquant',
  },
  done: {
    title: 'Demande reçue',
    text: 'Nous avons reçu votre demande et vos justificatifs. Nous vous répondons sous 72 heures par e-mail.',
    reference: 'Référence : %{ref}',
    genuine: 'Nos e-mails portent toujours votre identifiant client dans leur objet.',
  },
  closed: {
    in_review: 'Votre demande est en cours d’examen. Nous vous répondrons par e-mail.',
    verified: 'Vos justificatifs ont été validés. Vous serez prévenu par e-mail avant que le changement ne prenne effet.',
    rejected: 'Votre demande n’a pas pu aboutir ; nous vous en avons donné la raison par e-mail. Vous pouvez en commencer une nouvelle.',
    expired: 'Cette demande a expiré : les justificatifs n’ont pas été envoyés à temps. Commencez une nouvelle demande.',
  },
  errors: {
    network: 'Le service est injoignable. Vérifiez votre connexion et réessayez.',
    not_found: 'Cette demande est introuvable, ou le lien a expiré. Commencez une nouvelle demande.',
    throttled: 'Trop de demandes ont été ouvertes depuis cet endroit ou pour cet identifiant client. Réessayez plus tard.',
    throttled_address: 'Trop de codes ont été envoyés à cette adresse e-mail. Réessayez dans une heure.',
    too_large: 'Trop volumineux : 10 Mo au plus par fichier, et 5 fichiers au plus à la fois.',
    unsupported: 'Ce fichier n’est pas un fichier JPG, PNG ou PDF (quel que soit son nom).',
    empty: 'Ce fichier est vide.',
    malformed: 'L’envoi n’est pas arrivé entier. Envoyez-le à nouveau.',
    conflict: 'Cette demande ne peut plus être modifiée.',
    invalid: 'Vérifiez les champs signalés.',
    generic: 'Une erreur est survenue. Réessayez dans un instant.',
    server_said: 'Détail : %{message}',
  },
};

export type FormLocale = 'en' | 'fr';
const MESSAGES: Record<FormLocale, FormMessages> = { en: formEn, fr: formFr };
const LOCALE_KEY = 'recovery-desk.form.locale';

function initialLocale(): FormLocale {
  try {
    const saved = localStorage.getItem(LOCALE_KEY);
    if (saved === 'en' || saved === 'fr') return saved;
  } catch {
    // Storage refused (private mode): follow the browser.
  }
  return navigator.language?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

function lookup(messages: FormMessages, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), messages);
}

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** Polyglot-like: `%{name}` interpolation, and `a |||| b` plural forms chosen by `smart_count`. */
export function translator(locale: FormLocale): Translate {
  return (key, values = {}) => {
    const found = lookup(MESSAGES[locale], key);
    let text = typeof found === 'string' ? found : key;
    if (text.includes('||||') && typeof values.smart_count === 'number') {
      const forms = text.split('||||').map(form => form.trim());
      const n = values.smart_count;
      const plural = locale === 'fr' ? n >= 2 : n !== 1;
      text = forms[plural ? 1 : 0] ?? forms[0];
    }
    return text.replace(/%\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
  };
}

/** The page's language: the browser's, until the visitor switches; kept in `<html lang>`. */
export function useFormLocale(): { locale: FormLocale; setLocale(locale: FormLocale): void; t: Translate } {
  const [locale, setLocaleState] = useState<FormLocale>(initialLocale);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = `${MESSAGES[locale].page_title} — ${MESSAGES[locale].brand}`;
  }, [locale]);
  const setLocale = useCallback((next: FormLocale) => {
    setLocaleState(next);
    try {
      localStorage.setItem(LOCALE_KEY, next);
    } catch {
      // Not kept across visits; fine.
    }
  }, []);
  return { locale, setLocale, t: translator(locale) };
}
