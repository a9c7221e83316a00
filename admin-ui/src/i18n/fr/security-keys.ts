/** Clés de sécurité (WebAuthn) : l’étape de connexion et l’écran « Clés de sécurité » de chacun. */
const security_keys = {
  login: {
    submit: 'Utiliser plutôt une clé de sécurité',
    or: 'ou',
    touch: 'Touchez votre clé de sécurité…',
    cancelled: 'La clé de sécurité n’a pas répondu (annulé ou délai dépassé). Réessayez.',
    unsupported: 'Ce navigateur ne sait pas utiliser les clés de sécurité.',
    first_key_title: 'Enregistrer votre première clé de sécurité',
    first_key_submit: 'Enregistrer ma clé de sécurité',
    first_key_name_missing: 'Donnez un nom à votre clé.',
    first_key_done: 'Clé de sécurité enregistrée. Utilisez-la : « Utiliser plutôt une clé de sécurité ».',
  },
  page: {
    title: 'Clés de sécurité',
    link: 'Clés de sécurité',
    intro:
      'Une clé de sécurité vous connecte à la place du code à 6 chiffres, après votre mot de passe. Elle résiste à l’hameçonnage : elle ne répond qu’à ce site. Enregistrez aussi une clé de secours.',
    required: 'Votre rôle impose une clé de sécurité : vous vous connectez avec elle, jamais avec un code.',
    none: 'Aucune clé de sécurité pour l’instant.',
    name: 'Nom de la clé',
    name_help: 'Le nom que vous lui donnez, par exemple « clé bleue » ou « secours dans le tiroir ».',
    password: 'Votre mot de passe',
    password_help: 'Redemandé avant d’ajouter un nouveau moyen de connexion.',
    add: 'Ajouter une clé de sécurité',
    touch: 'Touchez votre clé de sécurité pour l’enregistrer…',
    added: 'Clé de sécurité « %{name} » enregistrée.',
    remove: 'Retirer',
    remove_label: 'Retirer la clé « %{name} »',
    removed: 'Clé de sécurité retirée.',
    confirm_remove: 'Retirer la clé « %{name} » ? Elle ne vous connectera plus.',
    cancelled: 'La clé de sécurité n’a pas répondu (annulé ou délai dépassé). Réessayez.',
    unsupported: 'Ce navigateur ne sait pas utiliser les clés de sécurité.',
    table: 'Vos clés de sécurité',
    col_name: 'Nom',
    col_added: 'Enregistrée le',
    col_used: 'Dernière utilisation',
    never: 'Jamais',
    back: 'Retour à mes réglages',
  },
};

export default { security_keys };
