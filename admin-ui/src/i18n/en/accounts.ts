/** Blocking an account on request and the staff member's own settings. */
const desk = {
  lock: {
    banner_title: 'Account blocked',
    banner: 'Blocked on %{date}. Reason: %{reason}',
    banner_no_reason: 'Blocked on %{date}.',
    banner_unknown: 'Blocked before the desk recorded dates and reasons: see the audit trail.',
    recovery_refused:
      'While the account is blocked, every recovery action is refused (email swap, documents case, approval, execution). Only a supervisor can unblock it.',
    block: 'Block account',
    block_title: 'Block this account',
    block_text:
      'The caller says the account is hacked or asks for it to be blocked. Once blocked, nobody can change its emails or 2FA, not even the desk, until a supervisor unblocks it. Every address on file gets a mail.',
    block_confirm: 'Block the account',
    block_needs_call: 'To block the account, first verify the caller on this call (a code read back).',
    blocked: 'The account is blocked; the customer’s addresses are being told.',
    unblock: 'Unblock',
    unblock_title: 'Unblock this account',
    unblock_text: 'Recovery actions become possible again. Every address on file gets a mail. Say why the account can be unblocked.',
    unblock_confirm: 'Unblock the account',
    unblocked: 'The account is unblocked; the customer’s addresses are being told.',
    reason_help: 'Visible to staff in the timeline and the audit trail (3 to 500 characters)',
  },
  settings: {
    menu: 'My settings',
    title: 'My settings',
    phone_region: 'Region of national phone numbers',
    phone_region_help:
      'A number typed without its country code (07700 900123, 06 12 34 56 78) is read in this country first, then in the other countries we serve.',
    default_region: 'Desk default (%{region})',
    saved: 'Settings saved',
    save: 'Save',
    regions: {
      FR: 'France',
      BE: 'Belgium',
      CH: 'Switzerland',
      GB: 'United Kingdom',
      DE: 'Germany',
      ES: 'Spain',
      IT: 'Italy',
      NL: 'Netherlands',
      PT: 'Portugal',
      LU: 'Luxembourg',
      IE: 'Ireland',
      PL: 'Poland',
      CA: 'Canada',
      US: 'United States',
    },
  },
};

export default { desk };
