import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';
import { casesEn } from '../resources/identity-cases/i18n';
import { formEn } from '../form/i18n';
import { recoveryEn } from '../resources/recovery-cases/i18n';
import { deskEn } from '../resources/accounts/desk-i18n';
import { enrolEn } from '../pages/enrol-i18n';
import { supervisionEn } from '../supervision/i18n';
import { callsEn } from '../resources/accounts/calls-i18n';

/** The console's own messages; `fr.ts` must provide the same keys (checked by its type). */
export const enApp = {
  // Identity-document cases (review console) and the customers' online form: kept in their own files.
  cases: casesEn,
  form: formEn,
  // Recovery actions (account page, recovery cases, approvals inbox): in their own file.
  recovery: recoveryEn,
  // Blocking an account, the member's own settings, refusals translated by code.
  desk: deskEn,
  // Supervision (alerts, activity, evidence, audit export) and staff administration: in their own file.
  sup: supervisionEn,
  // Call scripts (what to say), their supervisors' screen, the home page per role.
  calls: callsEn,
  // The page of a staff invitation or re-enrolment link (no session).
  enrol: enrolEn,
  rd: {
    app_title: 'Recovery Desk',
    main_menu: 'Main menu',
    none: 'No data',
    utc: 'UTC: %{iso}',
    auth: {
      session_ended: 'Your session has ended. Please sign in again.',
    },
    login: {
      title: 'Staff sign-in',
      email: 'Email',
      password: 'Password',
      otp: 'Code',
      otp_help: '6-digit code from your authenticator app',
      otp_format: 'Enter the 6 digits of the code',
      submit: 'Sign in',
      errors: {
        unauthorized: 'Wrong email, password or code.',
        too_many: 'Too many failed attempts. Please try again later.',
        invalid: 'Please check the highlighted fields.',
        unavailable: 'The service cannot be reached. Please try again in a moment.',
      },
    },
    dashboard: {
      title: 'Home',
      greeting: 'Signed in as %{name}',
      roles: 'Roles: %{roles}',
      hint: 'The menu lists the sections your role gives access to.',
    },
    roles: {
      agent: 'Phone-support agent',
      reviewer: 'Compliance reviewer',
      supervisor: 'Supervisor',
      admin: 'Administrator',
    },
    audit: {
      outcome: {
        success: 'Success',
        failure: 'Failure',
        denied: 'Denied',
      },
      verify: {
        title: 'Audit trail integrity',
        description: 'Recomputes the hash chain on the server, from the first entry to the last.',
        button: 'Verify chain',
        intact: 'Chain intact — %{smart_count} entry checked |||| Chain intact — %{smart_count} entries checked',
        broken: 'Chain broken at entry %{id}',
        checked: '%{smart_count} entry checked |||| %{smart_count} entries checked',
        checkpoint: 'Last checkpoint: %{at} (%{status})',
        checkpoint_ok: 'intact',
        checkpoint_broken: 'broken',
        open_entry: 'Open entry',
        failed: 'The chain could not be verified: %{message}',
      },
    },
    accounts: {
      search: {
        title: 'Find an account',
        q: 'Customer ID, email, phone or name',
        q_help: 'Enter searches at once; typing searches by itself from 3 characters.',
        call_ref: 'Call reference',
        call_ref_help: 'The call or ticket the search is for (recorded in the audit trail)',
        submit: 'Search',
        hint:
          'Type a customer ID (ab12345-ovh, any case, with or without -ovh), an email, a phone number in any writing, or a name (accents ignored).',
        results: '%{smart_count} account found |||| %{smart_count} accounts found',
        capped: 'Only the first %{smart_count} accounts are shown: narrow the search.',
        no_result: 'No account matches “%{q}”.',
        similar: 'Similar spellings',
        similar_help: 'Also names spelled differently (Lefebvre for Lefèvre)',
        similar_shown:
          'No account has all the words of “%{q}”: these names are spelled similarly. Check the spelling with the caller.',
      },
      type: {
        individual: 'Individual',
        company: 'Company',
        association: 'Association',
        public_administration: 'Public administration',
        sole_trader: 'Sole trader',
      },
      status: {
        active: 'Active',
        locked: 'Locked',
      },
      language: {
        fr: 'French',
        en: 'English',
      },
      flags: {
        no_backup_email: 'No backup email',
        backup_email_required: 'New backup email required',
        two_factor_on: '2FA on',
        two_factor_off: '2FA off',
      },
      notices: {
        locked: 'This account is locked.',
        no_backup_email:
          'No backup email on file: the phone desk cannot swap emails for this account. If the primary email no longer works, the customer must use the online identity-verification procedure (identity documents, answer within 72 hours).',
        backup_email_required:
          'Since the last email swap, the customer must register a new backup email: remind them to do so.',
      },
      sections: {
        contact: 'Contact details',
        two_factor: 'Two-factor authentication',
        timeline: 'Security timeline',
        call: 'Caller verification',
        reminder: 'Customer ID reminder',
      },
      contact: {
        none: '—',
        masked: 'Masked',
        unmasked: 'Unmasked',
        masked_note: 'Masked until the caller passes a code check on this call. Disclose nothing before.',
        unmasked_note:
          'Shown in full for call %{callRef}. This access is recorded in the audit trail; the data disappears when the call ends.',
        hide: 'Mask again',
      },
      two_factor: {
        none: 'Two-factor authentication is off: no method registered.',
        kind: {
          totp: 'Authenticator app',
          security_key: 'Security key',
          sms: 'SMS',
          backup_codes: 'Backup codes',
        },
        created: 'added %{date}',
        last_used: 'last used %{date}',
        never_used: 'never used',
        codes_left: '%{smart_count} code left |||| %{smart_count} codes left',
        no_codes_left: 'No backup code left: the customer must use another method, or ask for 2FA to be disabled (documents).',
        reenrol_required:
          'Re-enrol 2FA required: methods were removed by a 2FA disablement; the customer must register a new method (the requirement ends when they do).',
      },
      timeline: {
        empty: 'No security event recorded.',
        load_more: 'Load more',
        refresh: 'Refresh',
        failed: 'The timeline could not be loaded: %{message}',
        columns: {
          at: 'Time',
          event: 'Event',
          channel: 'Channel',
          destination: 'Sent to',
          detail: 'Detail',
        },
        kind: {
          login: 'Sign-in',
          login_failed: 'Failed sign-in',
          login_code_sent: 'Security code sent by the customer’s own sign-in',
          password_reset_sent: 'Password reset email sent',
          password_changed: 'Password changed',
          '2fa_enabled': '2FA enabled',
          '2fa_disabled': '2FA disabled',
          '2fa_method_added': '2FA method added',
          '2fa_method_removed': '2FA method removed',
          contact_email_changed: 'Primary email changed',
          backup_email_changed: 'Backup email changed',
          customer_id_reminder_sent: 'Customer ID reminder sent',
          verification_code_sent: 'Call verification code sent',
          account_locked: 'Account blocked',
          account_unlocked: 'Account unblocked',
        },
        channel: {
          web: 'Web',
          api: 'API',
          email: 'Email',
          sms: 'SMS',
          phone_support: 'Phone support',
        },
        detail: {
          backup_email: 'to the backup email',
          primary_email: 'to the primary email',
        },
      },
      verification: {
        intro: 'Verify the caller before disclosing anything: type the call reference and start.',
        call_ref: 'Call reference',
        call_ref_required: 'Type the call or ticket reference (3 characters at least)',
        start: 'Start verification',
        call_label: 'Call',
        started: 'started at %{time}',
        time_left: '%{time} left',
        expired: 'The verification of this call has expired (%{minutes} minutes). Start a new one to go on.',
        new_call: 'End call',
        proven: 'Caller verified: possession proven (%{channels}).',
        not_proven: 'Caller not verified yet: disclose nothing about the account.',
        locked: 'Too many wrong codes: code checks are locked for this call.',
        send_code: '1. Send a code',
        to_backup_email: 'To backup email',
        to_primary_email: 'To primary email',
        no_backup_reason: 'No backup email on file: the code can only go to the primary email.',
        code_sent: 'Code sent to %{destination}, expires at %{time}.',
        code_section: '2. Code read by the caller',
        enter_code: '6-digit code',
        check_code: 'Check code',
        code_format: 'Enter the 6 digits the caller reads',
        code_attempts: '%{smart_count} attempt left |||| %{smart_count} attempts left',
        stated: 'Values stated by the caller',
        stated_field: 'Field',
        stated_value: 'Value stated',
        stated_check: 'Compare',
        stated_help: 'Answer is match or no match; the value on file is never shown.',
        stated_account_limit: 'No more tries on this account today, whatever the call: supervisors have been alerted.',
        tries_left: '%{smart_count} try left |||| %{smart_count} tries left',
        checks: 'Checks on this call',
        no_checks: 'No check yet.',
        columns: {
          at: 'Time',
          check: 'Check',
          result: 'Result',
        },
        kind: {
          code: 'Code',
          stated_value: 'Stated',
        },
        subject: {
          backup_email: 'Backup email',
          primary_email: 'Primary email',
          phone: 'Phone',
          postal_code: 'Postal code',
        },
        result: {
          match: 'Match',
          no_match: 'No match',
          expired: 'Expired',
          locked: 'Locked',
          no_value_on_file: 'Nothing on file',
        },
        outcome: {
          code_match: 'The code matches: the caller holds the mailbox (%{channels}).',
          code_no_match: 'Wrong code. %{attempts}.',
          code_expired: 'This code has expired: send a new one.',
          code_locked: 'Too many wrong codes: code checks are locked for this call.',
          stated_match: '%{field}: matches.',
          stated_no_match: '%{field}: does not match. %{tries}.',
          stated_no_value_on_file: '%{field}: nothing on file to compare with.',
        },
      },
      unmask: {
        button: 'Unmask',
        disabled_reason: 'Available once the caller has passed a code check on this call.',
        title: 'Show the full contact data',
        explain:
          'The caller proved possession of a mailbox on file (%{channels}). Say why you need the full data: your reason and this access are recorded in the audit trail.',
        reason: 'Reason',
        reason_help: '3 to 500 characters',
        reason_required: 'Say why you need the full contact data (3 characters at least)',
        confirm: 'Unmask',
        done: 'Contact data unmasked; the access is recorded in the audit trail.',
      },
      reminder: {
        description:
          'Sends the customer ID to the primary email on file (%{destination}), never to the caller: no verification needed.',
        button: 'Send the customer ID',
        sent: 'Customer ID sent to %{destination}.',
      },
    },
    outbox: {
      all: 'All',
      status: {
        pending: 'Pending',
        sent: 'Sent',
        failed: 'Failed',
      },
      template: {
        verification_code: 'Verification code',
        customer_id_reminder: 'Customer ID reminder',
      },
    },
  },
  resources: {
    accounts: {
      name: 'Account |||| Accounts',
      fields: {
        id: 'ID',
        customerId: 'Customer ID',
        name: 'Name',
        companyName: 'Company',
        legalRepresentative: 'Legal representative',
        accountType: 'Type',
        primaryEmail: 'Primary email',
        backupEmail: 'Backup email',
        phone: 'Phone',
        addressLine: 'Address',
        postalCode: 'Postal code',
        city: 'City',
        country: 'Country',
        status: 'Status',
        state: 'State',
        language: 'Language',
        createdAt: 'Customer since',
      },
    },
    'mail-outbox': {
      name: 'Mail |||| Mail outbox',
      fields: {
        createdAt: 'Created',
        template: 'Mail',
        language: 'Language',
        to: 'To',
        status: 'Status',
        attempts: 'Attempts',
        lastError: 'Last error',
        sentAt: 'Sent',
        accountId: 'Account',
      },
    },
    'audit-events': {
      name: 'Audit entry |||| Audit trail',
      fields: {
        id: 'Entry ID',
        at: 'Time',
        actor: 'Actor (email or ID)',
        actorEmail: 'Actor',
        actorId: 'Actor ID',
        actorRoles: 'Roles',
        action: 'Action',
        outcome: 'Outcome',
        target: 'Target',
        targetType: 'Target type',
        targetId: 'Target ID',
        caseId: 'Case',
        reason: 'Reason',
        ip: 'IP address',
        requestId: 'Request ID',
        before: 'Before (masked)',
        after: 'After (masked)',
        prevHash: 'Previous hash',
        hash: 'Hash',
        from: 'From',
        to: 'To',
      },
    },
    staff: {
      name: 'Staff member |||| Staff',
      fields: {
        id: 'ID',
        email: 'Email',
        name: 'Name',
        roles: 'Roles',
        active: 'Active',
        createdAt: 'Created',
      },
    },
  },
};

export type AppMessages = typeof enApp;

export const en: TranslationMessages = { ...englishMessages, ...enApp };
