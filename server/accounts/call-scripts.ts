/**
 * The steps of a call that have a sentence to read, the placeholders each may use, and the default texts put in
 * place on a fresh database. A placeholder is `{name}`; the console fills it with the call's values.
 */
export const SCRIPT_LANGUAGES = ['fr', 'en'] as const;
export type ScriptLanguage = (typeof SCRIPT_LANGUAGES)[number];

export const SCRIPT_MAX_LENGTH = 600;

interface ScriptDefinition {
  placeholders: readonly string[];
  fr: string;
  en: string;
}

export const CALL_SCRIPTS = {
  'verification.start': {
    placeholders: [],
    en: 'Before I can help you, I need to check that you are the account holder. Until then I cannot tell you anything about the account.',
    fr: 'Avant de pouvoir vous aider, je dois vérifier que vous êtes le titulaire du compte. D’ici là, je ne peux rien vous dire sur le compte.',
  },
  'code.send_backup_email': {
    placeholders: ['maskedAddress'],
    en: 'I am sending a code to your backup address, the one ending in {maskedAddress}; please read it back to me.',
    fr: 'Je vous envoie un code à votre adresse de secours, celle qui se termine par {maskedAddress} ; merci de me le lire.',
  },
  'code.send_primary_email': {
    placeholders: ['maskedAddress'],
    en: 'I am sending a code to the address ending in {maskedAddress}; please read it back to me.',
    fr: 'Je vous envoie un code à l’adresse qui se termine par {maskedAddress} ; merci de me le lire.',
  },
  'code.spam': {
    placeholders: ['sender'],
    en: 'If it has not arrived within a minute, please look in your spam folder for a mail from {sender}.',
    fr: 'S’il n’est pas arrivé d’ici une minute, regardez dans vos courriers indésirables (spam) un mail de {sender}.',
  },
  'code.match': {
    placeholders: [],
    en: 'Thank you, that code is correct.',
    fr: 'Merci, ce code est correct.',
  },
  'code.no_match': {
    placeholders: [],
    en: 'That code does not match. Could you read it to me again, digit by digit?',
    fr: 'Ce code ne correspond pas. Pouvez-vous me le relire, chiffre par chiffre ?',
  },
  'code.expired': {
    placeholders: [],
    en: 'That code has expired. I will send you a new one.',
    fr: 'Ce code a expiré. Je vous en envoie un nouveau.',
  },
  'code.locked': {
    placeholders: [],
    en: 'Too many codes did not match, so I cannot continue the check on this call. You can call us back later.',
    fr: 'Trop de codes erronés : je ne peux pas poursuivre la vérification sur cet appel. Vous pourrez nous rappeler plus tard.',
  },
  'stated.ask': {
    placeholders: [],
    en: 'Could you tell me your backup email address, your phone number or your postal code, as registered on the account?',
    fr: 'Pouvez-vous m’indiquer votre adresse e-mail de secours, votre numéro de téléphone ou votre code postal, tels qu’enregistrés sur le compte ?',
  },
  'customer_id.reminder': {
    placeholders: ['maskedAddress', 'sender'],
    en: 'I am sending your customer ID to your primary address, the one ending in {maskedAddress}. The mail comes from {sender} and carries the customer ID in its subject.',
    fr: 'Je vous envoie votre identifiant client à votre adresse principale, celle qui se termine par {maskedAddress}. Le mail vient de {sender} et porte l’identifiant client dans son objet.',
  },
  'password.reset_sent': {
    placeholders: ['time', 'maskedAddress', 'sender'],
    en: 'You reset your password yourself from the sign-in page ("Forgot password"). A reset mail was sent at {time} to your primary address ending in {maskedAddress}, from {sender}: please check your spam folder too.',
    fr: 'Vous réinitialisez vous-même votre mot de passe depuis la page de connexion (« Mot de passe oublié »). Un mail de réinitialisation a été envoyé à {time} à votre adresse principale qui se termine par {maskedAddress}, par {sender} : regardez aussi dans vos spams.',
  },
  'password.self_service': {
    placeholders: ['sender'],
    en: 'You reset your password yourself from the sign-in page ("Forgot password"); the mail goes to your primary address and comes from {sender}.',
    fr: 'Vous réinitialisez vous-même votre mot de passe depuis la page de connexion (« Mot de passe oublié ») ; le mail part vers votre adresse principale, envoyé par {sender}.',
  },
  'signin_code.explain': {
    placeholders: ['time', 'maskedAddress', 'sender'],
    en: 'The code you are asked for is a security code: your own sign-in sent it at {time} to your primary address ending in {maskedAddress}. It comes from {sender}; if you do not see it, please check your spam folder.',
    fr: 'Le code demandé est un code de sécurité : votre propre connexion l’a envoyé à {time} à votre adresse principale qui se termine par {maskedAddress}. Il vient de {sender} ; si vous ne le voyez pas, regardez dans vos spams.',
  },
  'swap.done': {
    placeholders: ['maskedAddress', 'customerId'],
    en: 'Done: the address ending in {maskedAddress} is now the primary address of account {customerId}. You must now register a new backup email from your control panel.',
    fr: 'C’est fait : l’adresse qui se termine par {maskedAddress} est maintenant l’adresse principale du compte {customerId}. Vous devez maintenant enregistrer une nouvelle adresse de secours depuis votre espace client.',
  },
  'case_2fa.opened': {
    placeholders: ['maskedAddress', 'sender'],
    en: 'I have opened a request to disable two-factor authentication. You will receive the link to the identity form at the address ending in {maskedAddress}, from {sender}. We answer within 72 hours of your documents.',
    fr: 'J’ai ouvert une demande de désactivation de la double authentification. Vous allez recevoir le lien vers le formulaire d’identité à l’adresse qui se termine par {maskedAddress}, envoyé par {sender}. Nous répondons sous 72 heures après réception de vos documents.',
  },
  'case.verified': {
    placeholders: [],
    en: 'Your documents have been verified. The change now waits for a second person’s approval; you will get a mail when it takes effect.',
    fr: 'Vos documents ont été vérifiés. La modification attend maintenant l’approbation d’une seconde personne ; vous recevrez un mail quand elle prendra effet.',
  },
  'account.blocked': {
    placeholders: [],
    en: 'Your account is now blocked: nothing on it can be changed until it is unblocked. A confirmation goes to your addresses on file.',
    fr: 'Votre compte est maintenant bloqué : rien ne peut y être modifié tant qu’il n’est pas débloqué. Une confirmation part vers vos adresses enregistrées.',
  },
  'account.unblocked': {
    placeholders: [],
    en: 'Your account is unblocked. A confirmation goes to your addresses on file.',
    fr: 'Votre compte est débloqué. Une confirmation part vers vos adresses enregistrées.',
  },
  'twofa.reenrol': {
    placeholders: [],
    en: 'Two-factor authentication was removed from your account: please register a new method at your next sign-in.',
    fr: 'La double authentification a été retirée de votre compte : merci d’enregistrer une nouvelle méthode à votre prochaine connexion.',
  },
} as const satisfies Record<string, ScriptDefinition>;

export type ScriptKey = keyof typeof CALL_SCRIPTS;
export const SCRIPT_KEYS = Object.keys(CALL_SCRIPTS) as ScriptKey[];

export function isScriptKey(key: string): key is ScriptKey {
  return Object.prototype.hasOwnProperty.call(CALL_SCRIPTS, key);
}

/** The `{name}` placeholders of a text that its key does not allow (or that are malformed: `{`, `}` alone). */
export function unknownPlaceholders(key: ScriptKey, text: string): string[] {
  const allowed: readonly string[] = CALL_SCRIPTS[key].placeholders;
  const used = [...text.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]);
  const bad = used.filter((name) => !allowed.includes(name));
  const stray = text.replace(/\{[^{}]*\}/g, '');
  if (/[{}]/.test(stray)) bad.push(stray.includes('{') ? '{' : '}');
  return [...new Set(bad)];
}
