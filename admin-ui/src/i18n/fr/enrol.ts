import type en from '../en/enrol';

/** The page of a staff invitation or re-enrolment link (no session). */
const enrol: (typeof en)['enrol'] = {
  title_invite: 'Activez votre compte Recovery Desk',
  title_mfa_reset: 'Enregistrez votre nouveau second facteur',
  hello: 'Bonjour %{name} (%{email}).',
  expires: 'Ce lien ne sert qu’une fois et expire le %{date}.',
  loading: 'Chargement…',
  invalid:
    'Ce lien n’est pas valide. Vérifiez que vous avez ouvert le lien complet du message, ou demandez une nouvelle invitation à un administrateur.',
  gone: 'Ce lien a déjà servi ou a expiré. Demandez-en un nouveau à un administrateur.',
  unreachable: 'Le serveur ne répond pas. Réessayez dans un instant.',
  step_app: '1. Ajoutez ce compte à votre application d’authentification : scannez le QR code, ou saisissez le secret à la main.',
  qr_alt: 'QR code à scanner avec votre application d’authentification',
  secret: 'Secret (saisie manuelle)',
  step_password_invite:
    '2. Choisissez votre mot de passe : 12 caractères au moins (une phrase convient). Personne d’autre ne le connaîtra.',
  step_password_mfa_reset: '2. Confirmez que c’est vous avec votre mot de passe actuel.',
  password: 'Mot de passe',
  password_confirm: 'Mot de passe, à nouveau',
  password_short: '12 caractères au moins',
  password_mismatch: 'Les deux mots de passe diffèrent',
  step_code: '3. Saisissez le code à 6 chiffres que votre application affiche maintenant.',
  otp: 'Code',
  otp_format: 'Les 6 chiffres de votre application',
  submit_invite: 'Activer mon compte',
  submit_mfa_reset: 'Enregistrer cette application',
  sending: 'Envoi…',
  done_title: 'C’est fait',
  done: 'Votre compte est prêt. Connectez-vous avec votre e-mail, votre mot de passe et un code de votre application.',
  sign_in: 'Aller à la connexion',
};

export default { enrol };
