/** The page a customer lands on from a recovery mail's link (cancel during the hold, "this was not me"). */
const link = {
  page_title: 'Your account',
  loading: 'Loading…',
  cancel: {
    title: 'Cancel a request on your account',
    what: 'Our support received a request on your account: %{what}. It has not taken effect yet.',
    advice: 'If you did not ask for this, or no longer want it, cancel it here. Nothing will change on your account.',
    button: 'Cancel this request',
    sending: 'Cancelling…',
    done_title: 'Request cancelled',
    done: 'The request is cancelled. Nothing was changed on your account. We sent you a confirmation by email.',
  },
  report: {
    title: 'Report a change you did not ask for',
    what: 'Our support made this change on your account: %{what}.',
    advice: 'If you did not ask for it, tell us now: we lock your account at once to protect it, and our team checks what happened.',
    button: 'This was not me',
    sending: 'Sending…',
    done_title: 'Report received',
    done: 'Thank you. Your account is locked to protect it and our team was alerted. We will contact you at the addresses we know.',
  },
  none: {
    title: 'Request closed',
    text: 'This request is already closed: there is nothing left to do with this link.',
  },
  invalid: {
    title: 'Link no longer valid',
    text: 'This link can no longer be used: it was already used, or it has expired. Each link works once.',
  },
  help: 'Worried about your account? Call our support on 1007 (+33 9 72 10 10 07 from abroad).',
  genuine: 'Our genuine emails always carry your customer ID in their subject. We never ask for your password.',
  retry: 'Try again',
  errors: {
    network: 'The service cannot be reached. Check your connection and try again.',
    conflict: 'This request can no longer be changed: it moved on meanwhile. Reload the page to see where it stands.',
    generic: 'Something went wrong. Try again in a moment.',
  },
  what: {
    pending: {
      backup_to_primary: 'your backup email address is to become your primary email address',
      replace_contact_email: 'the contact (primary) email address of your account is to be replaced with a new one',
      disable_2fa: 'two-factor authentication is to be turned off on your account',
    },
    done: {
      backup_to_primary: 'your backup email address became your primary email address',
      replace_contact_email: 'the contact (primary) email address of your account was replaced with a new one',
      disable_2fa: 'two-factor authentication was turned off on your account',
    },
    unknown: 'a change of your account’s security settings',
  },
};

export default { link };
