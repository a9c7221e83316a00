/** Security keys (WebAuthn): the sign-in step and the member's own "Security keys" screen. */
const security_keys = {
  login: {
    submit: 'Use a security key instead',
    or: 'or',
    touch: 'Touch your security key…',
    cancelled: 'The security key did not answer (cancelled or timed out). Try again.',
    unsupported: 'This browser cannot use security keys.',
    first_key_title: 'Enrol your first security key',
    first_key_submit: 'Enrol my security key',
    first_key_name_missing: 'Give your key a name.',
    first_key_done: 'Security key enrolled. Now use it: “Use a security key instead”.',
  },
  page: {
    title: 'Security keys',
    link: 'Security keys',
    intro:
      'A security key signs you in instead of the 6-digit code, after your password. It cannot be phished: it answers only this site. Enrol a spare one too.',
    required: 'Your role requires a security key: you sign in with one, never with a code.',
    none: 'No security key yet.',
    name: 'Name of the key',
    name_help: 'Your own name for it, e.g. “blue key” or “spare in the drawer”.',
    password: 'Your password',
    password_help: 'Asked again before a new way to sign in is added.',
    add: 'Add a security key',
    touch: 'Touch your security key to enrol it…',
    added: 'Security key “%{name}” enrolled.',
    remove: 'Remove',
    remove_label: 'Remove the key “%{name}”',
    removed: 'Security key removed.',
    confirm_remove: 'Remove the key “%{name}”? It will no longer sign you in.',
    cancelled: 'The security key did not answer (cancelled or timed out). Try again.',
    unsupported: 'This browser cannot use security keys.',
    table: 'Your security keys',
    col_name: 'Name',
    col_added: 'Enrolled',
    col_used: 'Last used',
    never: 'Never',
    back: 'Back to my settings',
  },
};

export default { security_keys };
