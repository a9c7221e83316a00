/**
 * Customer mails in French and English, picked by the account's language. Every subject starts with the
 * customer ID, as the provider's genuine mails do, so customers can tell them from phishing.
 */
export type Lang = 'fr' | 'en';

export interface Rendered {
  subject: string;
  text: string;
}

type Template = (p: Record<string, string>) => Rendered;

const SIGNATURE = {
  fr: '\n\n-- \nLe support client\nCe message vous a été envoyé suite à votre appel. Nous ne vous demanderons jamais votre mot de passe.',
  en: '\n\n-- \nCustomer support\nYou received this message following your call. We will never ask for your password.',
};

const REASONS: Record<string, Record<Lang, string>> = {
  unreadable: { fr: 'un document est illisible', en: 'a document cannot be read' },
  expired: { fr: "une pièce d'identité est expirée", en: 'an identity document has expired' },
  name_mismatch: { fr: 'le nom ne correspond pas au compte', en: 'the name does not match the account' },
  older_than_3_months: { fr: 'un justificatif date de plus de 3 mois', en: 'a proof is older than 3 months' },
  wrong_kind: { fr: "un document n'est pas celui demandé", en: 'a document is not the one asked for' },
  suspected_forgery: { fr: 'un document ne peut pas être accepté', en: 'a document cannot be accepted' },
  other: { fr: 'un document ne peut pas être accepté', en: 'a document cannot be accepted' },
};

/** Why a document is asked again (case_reupload). */
const REUPLOAD_REASONS: Record<string, Record<Lang, string>> = {
  unreadable: { fr: 'il est illisible', en: 'it cannot be read' },
  cut: { fr: 'il est coupé : le document entier doit être visible', en: 'it is cut: the whole document must show' },
  glare: { fr: 'un reflet en masque une partie', en: 'glare hides part of it' },
  other: { fr: 'voir la précision ci-dessous', en: 'see the note below' },
  missing: { fr: 'il manque à votre dossier', en: 'it is missing from your case' },
};

/** Document kinds as the customer reads them. */
const KINDS: Record<string, Record<Lang, string>> = {
  identity_front: { fr: "pièce d'identité (recto ou page photo)", en: 'identity document (front or photo page)' },
  identity_back: { fr: "pièce d'identité (verso)", en: 'identity document (back)' },
  proof_of_address: { fr: 'justificatif de domicile', en: 'proof of address' },
  old_proof_of_address: { fr: "justificatif de l'ancien domicile", en: 'proof of the previous address' },
  host_proof_of_address: { fr: "justificatif de domicile de l'hébergeant", en: "host's proof of address" },
  hosting_attestation: { fr: "attestation d'hébergement", en: 'hosting attestation' },
  company_registration: { fr: "extrait d'immatriculation (Kbis)", en: 'company registration extract' },
  business_register_notice: { fr: 'avis de situation au répertoire Sirene', en: 'business register notice' },
  attestation_letterhead: { fr: 'attestation sur papier à en-tête', en: 'attestation on letterhead' },
  assembly_minutes: { fr: 'procès-verbal de la dernière assemblée générale', en: 'minutes of the last general assembly' },
  declaration_receipt: { fr: 'récépissé de déclaration', en: 'declaration receipt' },
  other: { fr: 'document', en: 'document' },
};

export const TEMPLATES = {
  verification_code: {
    fr: (p) => ({
      subject: `[${p.customerId}] Votre code de vérification`,
      text:
        `Bonjour,\n\nVotre code de vérification est : ${p.code}\n\nCommuniquez-le uniquement au conseiller avec qui vous êtes ` +
        `en ligne. Il expire dans ${p.minutes} minutes.\nSi vous n'êtes pas en train d'appeler notre support, ignorez ce ` +
        `message et ne communiquez ce code à personne.` +
        SIGNATURE.fr,
    }),
    en: (p) => ({
      subject: `[${p.customerId}] Your verification code`,
      text:
        `Hello,\n\nYour verification code is: ${p.code}\n\nRead it only to the support agent you are on the phone with. ` +
        `It expires in ${p.minutes} minutes.\nIf you are not calling our support right now, ignore this message and ` +
        `give this code to no one.` +
        SIGNATURE.en,
    }),
  },
  customer_id_reminder: {
    fr: (p) => ({
      subject: `[${p.customerId}] Rappel de votre identifiant client`,
      text:
        `Bonjour,\n\nÀ votre demande, voici votre identifiant client : ${p.customerId}\n\nVous pouvez aussi vous connecter ` +
        `avec votre adresse e-mail principale.` +
        SIGNATURE.fr,
    }),
    en: (p) => ({
      subject: `[${p.customerId}] Your customer ID`,
      text:
        `Hello,\n\nAs you asked, here is your customer ID: ${p.customerId}\n\nYou can also sign in with your primary ` +
        `email address.` +
        SIGNATURE.en,
    }),
  },
  account_locked: {
    fr: (p) => ({
      subject: `[${p.customerId}] Votre compte est bloqué`,
      text:
        `Bonjour,\n\nÀ votre demande ou pour protéger votre compte, notre support l'a bloqué le ${p.at}.\n\nTant qu'il ` +
        `est bloqué, aucune modification de vos adresses e-mail ni de votre double authentification n'est possible, ` +
        `même par notre support. Pour le débloquer, appelez notre support : un superviseur vérifiera la situation avec vous.\n` +
        `Si vous n'êtes pas à l'origine de cette demande, appelez-nous aussi.` +
        SIGNATURE.fr,
    }),
    en: (p) => ({
      subject: `[${p.customerId}] Your account is blocked`,
      text:
        `Hello,\n\nAs you asked, or to protect your account, our support blocked it on ${p.at}.\n\nWhile it is blocked, ` +
        `nobody can change your email addresses or your two-factor authentication, not even our support. To unblock it, ` +
        `call our support: a supervisor will look into the situation with you.\nIf you did not ask for this, call us too.` +
        SIGNATURE.en,
    }),
  },
  account_unlocked: {
    fr: (p) => ({
      subject: `[${p.customerId}] Votre compte est débloqué`,
      text:
        `Bonjour,\n\nUn superviseur de notre support a débloqué votre compte le ${p.at}. Les demandes de récupération ` +
        `(changement d'adresse e-mail, désactivation de la double authentification) sont de nouveau possibles.\n` +
        `Si vous ne vous y attendiez pas, appelez notre support.` +
        SIGNATURE.fr,
    }),
    en: (p) => ({
      subject: `[${p.customerId}] Your account is unblocked`,
      text:
        `Hello,\n\nA supervisor of our support unblocked your account on ${p.at}. Recovery requests (email address ` +
        `change, two-factor authentication disabled) are possible again.\nIf you did not expect this, call our support.` +
        SIGNATURE.en,
    }),
  },
  case_email_code: {
    fr: (p) => ({
      subject: `[${p.customerId}] Confirmez votre adresse e-mail`,
      text:
        `Bonjour,\n\nPour poursuivre votre demande de vérification d'identité, saisissez ce code dans le formulaire : ${p.code}\n` +
        `Il expire dans 30 minutes. Si vous n'avez rien demandé, ignorez ce message.` +
        (p.link ? `\n\nPour revenir à votre demande depuis n'importe quel navigateur jusqu'à son envoi : ${p.link}` : '') +
        SIGNATURE.fr,
    }),
    en: (p) => ({
      subject: `[${p.customerId}] Confirm your email address`,
      text:
        `Hello,\n\nTo go on with your identity verification request, type this code in the form: ${p.code}\n` +
        `It expires in 30 minutes. If you asked for nothing, ignore this message.` +
        (p.link ? `\n\nTo come back to your request from any browser until you send it: ${p.link}` : '') +
        SIGNATURE.en,
    }),
  },
  case_invitation: {
    fr: (p) => ({
      subject: `[${p.customerId}] Envoyez vos justificatifs`,
      text:
        `Bonjour,\n\nSuite à votre appel, envoyez vos justificatifs d'identité avec ce lien : ${p.link}\n` +
        `Code de confirmation : ${p.code} (valable 30 minutes).` +
        SIGNATURE.fr,
    }),
    en: (p) => ({
      subject: `[${p.customerId}] Send your documents`,
      text:
        `Hello,\n\nFollowing your call, send your identity documents with this link: ${p.link}\n` +
        `Confirmation code: ${p.code} (valid 30 minutes).` +
        SIGNATURE.en,
    }),
  },
  case_received: {
    fr: (p) => ({
      subject: `[${p.customerId}] Demande reçue`,
      text: `Bonjour,\n\nNous avons reçu vos documents (dossier ${p.caseRef}). Nous vous répondons sous 72 heures.` + SIGNATURE.fr,
    }),
    en: (p) => ({
      subject: `[${p.customerId}] Request received`,
      text: `Hello,\n\nWe received your documents (case ${p.caseRef}). We will answer within 72 hours.` + SIGNATURE.en,
    }),
  },
  case_reupload: {
    fr: (p) => ({
      subject: p.reason === 'missing' ? `[${p.customerId}] Un document manque à votre dossier` : `[${p.customerId}] Un document à renvoyer`,
      text:
        `Bonjour,\n\nDans votre dossier ${p.caseRef}, il nous faut ce document : ${KINDS[p.kind]?.fr ?? p.kind} ` +
        `(${REUPLOAD_REASONS[p.reason]?.fr ?? REUPLOAD_REASONS.other.fr}).` +
        (p.note ? `\nPrécision du vérificateur : ${p.note}` : '') +
        `\n\nEnvoyez-le, et lui seul, avec ce lien avant le ${p.until} : ${p.link}\nVos autres documents sont conservés ; ` +
        `nous vous répondons sous 72 heures après le nouvel envoi.` +
        SIGNATURE.fr,
    }),
    en: (p) => ({
      subject:
        p.reason === 'missing'
          ? `[${p.customerId}] One document is missing from your case`
          : `[${p.customerId}] Please send one document again`,
      text:
        `Hello,\n\nIn your case ${p.caseRef}, we need this document: ${KINDS[p.kind]?.en ?? p.kind} ` +
        `(${REUPLOAD_REASONS[p.reason]?.en ?? REUPLOAD_REASONS.other.en}).` +
        (p.note ? `\nThe reviewer adds: ${p.note}` : '') +
        `\n\nSend it, and only it, with this link before ${p.until}: ${p.link}\nYour other documents are kept; ` +
        `we will answer within 72 hours of the new upload.` +
        SIGNATURE.en,
    }),
  },
  case_verified: {
    fr: (p) => ({
      subject: `[${p.customerId}] Vos documents sont validés`,
      text:
        `Bonjour,\n\nVos documents (dossier ${p.caseRef}) sont conformes.\n` +
        (p.approvalPending === 'yes'
          ? `Votre demande (${p.purpose === 'disable_2fa' ? 'désactivation de la double authentification' : "remplacement de l'adresse e-mail de contact"}) ` +
            `attend maintenant l'accord d'un superviseur. Une fois accordée, elle prend effet après un délai de sécurité de ${p.holdHours} heures ; ` +
            `chacune de vos adresses est prévenue avant, avec un lien pour l'annuler si ce n'est pas vous.`
          : `Notre support reprend votre demande et vous écrira à cette adresse avant toute modification de votre compte.`) +
        SIGNATURE.fr,
    }),
    en: (p) => ({
      subject: `[${p.customerId}] Your documents are verified`,
      text:
        `Hello,\n\nYour documents (case ${p.caseRef}) conform.\n` +
        (p.approvalPending === 'yes'
          ? `Your request (${p.purpose === 'disable_2fa' ? 'two-factor authentication disabled' : 'replacement of the contact email address'}) ` +
            `now waits for a supervisor's approval. Once approved, it takes effect after a safety hold of ${p.holdHours} hours; ` +
            `every address on your account is told beforehand, with a link to cancel it if this is not you.`
          : `Our support team takes your request over and will write to this address before any change to your account.`) +
        SIGNATURE.en,
    }),
  },
  case_rejected: {
    fr: (p) => ({
      subject: `[${p.customerId}] Votre demande ne peut pas aboutir`,
      text:
        `Bonjour,\n\nVotre dossier ${p.caseRef} est refusé : ${REASONS[p.reason]?.fr ?? REASONS.other.fr}.\n` +
        `Tout document non conforme annule la procédure : merci d'en commencer une nouvelle.` +
        SIGNATURE.fr,
    }),
    en: (p) => ({
      subject: `[${p.customerId}] Your request cannot go ahead`,
      text:
        `Hello,\n\nYour case ${p.caseRef} is rejected: ${REASONS[p.reason]?.en ?? REASONS.other.en}.\n` +
        `Any document that does not conform cancels the procedure: please start a new one.` +
        SIGNATURE.en,
    }),
  },
  recovery_swap_new_primary: {
    fr: (p) => ({
      subject: `[${p.customerId}] Votre adresse de secours est devenue principale`,
      text:
        `Bonjour,\n\nÀ votre demande (appel ${p.callReference}), cette adresse est désormais l'adresse e-mail principale de votre compte.\n` +
        `Votre compte n'a plus d'adresse de secours : enregistrez-en une nouvelle dès maintenant dans votre espace client.` +
        SIGNATURE.fr,
    }),
    en: (p) => ({
      subject: `[${p.customerId}] Your backup email is now your primary email`,
      text:
        `Hello,\n\nAs you asked (call ${p.callReference}), this address is now the primary email of your account.\n` +
        `Your account has no backup email any more: register a new one now in your control panel.` +
        SIGNATURE.en,
    }),
  },
  recovery_changed_old_address: {
    fr: (p) => ({
      subject: `[${p.customerId}] L'adresse e-mail de votre compte a changé`,
      text:
        `Bonjour,\n\nL'adresse e-mail principale de votre compte a été changée par notre support (appel ${p.callReference}).\n` +
        `Si ce n'était pas vous, signalez-le tout de suite : ${p.link}` +
        SIGNATURE.fr,
    }),
    en: (p) => ({
      subject: `[${p.customerId}] The email address of your account changed`,
      text:
        `Hello,\n\nThe primary email of your account was changed by our support (call ${p.callReference}).\n` +
        `If this was not you, report it at once: ${p.link}` +
        SIGNATURE.en,
    }),
  },
  recovery_requested: {
    fr: (p) => ({
      subject: `[${p.customerId}] Demande de modification de votre compte`,
      text:
        `Bonjour,\n\nUne demande a été faite sur votre compte : ${p.what}.\nElle attend l'accord d'un superviseur et prendra effet au plus tôt le ${p.notBefore}.\n` +
        (p.next ? `${p.next}\n` : '') +
        `Si ce n'est pas vous, annulez-la avec ce lien : ${p.link}` +
        SIGNATURE.fr,
    }),
    en: (p) => ({
      subject: `[${p.customerId}] A change to your account was requested`,
      text:
        `Hello,\n\nA change was requested on your account: ${p.what}.\nIt now waits for a supervisor's approval and will take effect not before ${p.notBefore}.\n` +
        (p.next ? `${p.next}\n` : '') +
        `If this is not you, cancel it with this link: ${p.link}` +
        SIGNATURE.en,
    }),
  },
  recovery_approved: {
    fr: (p) => ({
      subject: `[${p.customerId}] Modification approuvée sur votre compte`,
      text:
        `Bonjour,\n\nLa modification demandée sur votre compte a été approuvée : ${p.what}.\nElle prendra effet le ${p.notBefore}, après un délai de sécurité.\n` +
        (p.next ? `${p.next}\n` : '') +
        `Si ce n'est pas vous, annulez-la avant cette date avec ce lien : ${p.link}` +
        SIGNATURE.fr,
    }),
    en: (p) => ({
      subject: `[${p.customerId}] Change approved on your account`,
      text:
        `Hello,\n\nThe change requested on your account was approved: ${p.what}.\nIt takes effect on ${p.notBefore}, after a safety hold.\n` +
        (p.next ? `${p.next}\n` : '') +
        `If this is not you, cancel it before then with this link: ${p.link}` +
        SIGNATURE.en,
    }),
  },
  recovery_executed: {
    fr: (p) => ({
      subject: `[${p.customerId}] Modification effectuée sur votre compte`,
      text:
        `Bonjour,\n\nLa modification demandée a été effectuée : ${p.what}.\n` +
        (p.next ? `${p.next}\n` : '') +
        `Si ce n'était pas vous, signalez-le : ${p.link}` +
        SIGNATURE.fr,
    }),
    en: (p) => ({
      subject: `[${p.customerId}] Change made to your account`,
      text:
        `Hello,\n\nThe requested change was made: ${p.what}.\n` +
        (p.next ? `${p.next}\n` : '') +
        `If this was not you, report it: ${p.link}` +
        SIGNATURE.en,
    }),
  },
  recovery_cancelled: {
    fr: (p) => ({
      subject: `[${p.customerId}] Demande annulée`,
      text: `Bonjour,\n\nLa demande (${p.what}) a été annulée. Aucune modification n'a été faite.` + SIGNATURE.fr,
    }),
    en: (p) => ({
      subject: `[${p.customerId}] Request cancelled`,
      text: `Hello,\n\nThe request (${p.what}) was cancelled. Nothing was changed.` + SIGNATURE.en,
    }),
  },
  staff_alert_report: {
    fr: (p) => ({
      subject: `[alerte] ${p.customerId} : "ce n'était pas moi"`,
      text: `Le client ${p.customerId} signale l'action ${p.action} (dossier ${p.caseId}) depuis ${p.from}. Le compte est verrouillé.`,
    }),
    en: (p) => ({
      subject: `[alert] ${p.customerId}: "this was not me"`,
      text: `Customer ${p.customerId} reports the ${p.action} action (case ${p.caseId}) from ${p.from}. The account is locked.`,
    }),
  },
  staff_invitation: {
    fr: (p) => ({
      subject: 'Recovery Desk : activez votre compte',
      text:
        `Bonjour ${p.name},\n\nUn compte a été créé pour vous sur la console Recovery Desk. Choisissez votre mot de passe et ` +
        `enregistrez votre second facteur avec ce lien, valable ${p.hours} heures et une seule fois :\n${p.link}\n\n` +
        `Personne d'autre que vous ne connaîtra ces secrets. Si vous n'attendiez pas ce message, signalez-le à votre responsable.`,
    }),
    en: (p) => ({
      subject: 'Recovery Desk: activate your account',
      text:
        `Hello ${p.name},\n\nAn account was created for you on the Recovery Desk console. Choose your password and ` +
        `enrol your second factor with this link, valid ${p.hours} hours and once only:\n${p.link}\n\n` +
        `Nobody but you will know these secrets. If you did not expect this message, tell your manager.`,
    }),
  },
  staff_reenrol: {
    fr: (p) => ({
      subject: 'Recovery Desk : enregistrez votre nouveau second facteur',
      text:
        `Bonjour ${p.name},\n\nLa réinitialisation de votre second facteur a été confirmée par deux administrateurs. ` +
        `Enregistrez-en un nouveau avec ce lien, valable ${p.hours} heures et une seule fois :\n${p.link}\n\n` +
        `Si vous n'avez rien demandé, signalez-le à votre responsable.`,
    }),
    en: (p) => ({
      subject: 'Recovery Desk: enrol your new second factor',
      text:
        `Hello ${p.name},\n\nThe reset of your second factor was confirmed by two administrators. ` +
        `Enrol a new one with this link, valid ${p.hours} hours and once only:\n${p.link}\n\n` +
        `If you asked for nothing, tell your manager.`,
    }),
  },
  staff_alert: {
    fr: (p) => ({ subject: `[alerte] ${p.rule}`, text: `${p.summary}\n\nAlerte ${p.alertId} : à examiner et acquitter dans la console.` }),
    en: (p) => ({
      subject: `[alert] ${p.rule}`,
      text: `${p.summary}\n\nAlert ${p.alertId}: look into it and acknowledge it in the console.`,
    }),
  },
  audit_anchor: {
    fr: (p) => ({
      subject: `[audit] ancre de la chaîne n° ${p.headId}`,
      text: `Vérification complète du journal d'audit le ${p.at} : chaîne intacte.\n\nEntrée de tête : ${p.headId}\nEmpreinte (sha256) : ${p.headHash}\nEntrées : ${p.count}\n\nConservez ce message : il permet de prouver plus tard que le journal n'a pas été réécrit.`,
    }),
    en: (p) => ({
      subject: `[audit] chain anchor #${p.headId}`,
      text: `Full verification of the audit trail at ${p.at}: the chain is intact.\n\nHead entry: ${p.headId}\nHash (sha256): ${p.headHash}\nEntries: ${p.count}\n\nKeep this mail: it lets you prove later that the trail was not rewritten.`,
    }),
  },
} satisfies Record<string, Record<Lang, Template>>;

/** The name of a mail template: code that writes a mail with a misspelt one fails `tsc`, not the worker. */
export type TemplateName = keyof typeof TEMPLATES;
export const TEMPLATE_NAMES = Object.keys(TEMPLATES) as TemplateName[];

export function isTemplateName(name: string): name is TemplateName {
  return Object.hasOwn(TEMPLATES, name);
}

/** Renders an outbox row. The row comes from the database, so its template name is checked here too. */
export function render(template: string, language: string, params: Record<string, string>): Rendered {
  if (!isTemplateName(template)) throw new Error(`Unknown mail template ${template}`);
  const lang: Lang = language === 'fr' ? 'fr' : 'en';
  return TEMPLATES[template][lang](params);
}
