import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';

/** The console's own messages; `fr.ts` must provide the same keys (checked by its type). */
export const enApp = {
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
      title: 'Welcome',
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
  },
  resources: {
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
