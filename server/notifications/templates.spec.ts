import type { NewMail } from './outbox.service';
import { isTemplateName, render } from './templates';

const mail = (template: NewMail['template']): NewMail => ({
  accountId: null,
  template,
  language: 'en',
  to: 'someone@example.test',
  params: { customerId: 'ab12345-ovh', code: '123456', minutes: '10' },
});

describe('mail template names', () => {
  it('are checked by the compiler where a mail is written', () => {
    expect(mail('verification_code').template).toBe('verification_code');
    // `npm run typecheck` fails on this line (an unused directive) if a template name is a plain string again.
    // @ts-expect-error 'verification_cod' is not a template
    expect(isTemplateName(mail('verification_cod').template)).toBe(false);
  });

  it('are checked again by the worker, which reads them from the database', () => {
    expect(render('verification_code', 'fr', mail('verification_code').params).text).toContain('123456');
    expect(() => render('verification_cod', 'en', {})).toThrow('Unknown mail template verification_cod');
    // An inherited property is no template either: it must not reach the renderer as one.
    expect(() => render('constructor', 'en', {})).toThrow('Unknown mail template constructor');
  });
});
