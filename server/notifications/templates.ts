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
  fr: "\n\n-- \nLe support client\nCe message vous a été envoyé suite à votre appel. Nous ne vous demanderons jamais votre mot de passe.",
  en: "\n\n-- \nCustomer support\nYou received this message following your call. We will never ask for your password.",
};

export const TEMPLATES: Record<string, Record<Lang, Template>> = {
  verification_code: {
    fr: (p) => ({
      subject: `[${p.customerId}] Votre code de vérification`,
      text:
        `Bonjour,\n\nVotre code de vérification est : ${p.code}\n\nCommuniquez-le uniquement au conseiller avec qui vous êtes ` +
        `en ligne. Il expire dans ${p.minutes} minutes.\nSi vous n'êtes pas en train d'appeler notre support, ignorez ce ` +
        `message et ne communiquez ce code à personne.` + SIGNATURE.fr,
    }),
    en: (p) => ({
      subject: `[${p.customerId}] Your verification code`,
      text:
        `Hello,\n\nYour verification code is: ${p.code}\n\nRead it only to the support agent you are on the phone with. ` +
        `It expires in ${p.minutes} minutes.\nIf you are not calling our support right now, ignore this message and ` +
        `give this code to no one.` + SIGNATURE.en,
    }),
  },
  customer_id_reminder: {
    fr: (p) => ({
      subject: `[${p.customerId}] Rappel de votre identifiant client`,
      text:
        `Bonjour,\n\nÀ votre demande, voici votre identifiant client : ${p.customerId}\n\nVous pouvez aussi vous connecter ` +
        `avec votre adresse e-mail principale.` + SIGNATURE.fr,
    }),
    en: (p) => ({
      subject: `[${p.customerId}] Your customer ID`,
      text:
        `Hello,\n\nAs you asked, here is your customer ID: ${p.customerId}\n\nYou can also sign in with your primary ` +
        `email address.` + SIGNATURE.en,
    }),
  },
};

export function render(template: string, language: string, params: Record<string, string>): Rendered {
  const byLang = TEMPLATES[template];
  if (!byLang) throw new Error(`Unknown mail template ${template}`);
  const lang: Lang = language === 'fr' ? 'fr' : 'en';
  return byLang[lang](params);
}
