import { ValidationError, ValidationPipe } from '@nestjs/common';
import { coreError } from './core.errors';

function flatten(errors: ValidationError[], prefix = '', out: Record<string, string> = {}): Record<string, string> {
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    if (e.constraints) {
      const messages = Object.entries(e.constraints).map(([rule, msg]) =>
        rule === 'whitelistValidation' ? 'is not an accepted field' : msg,
      );
      out[field] = messages.join('; ');
    }
    if (e.children?.length) flatten(e.children, field, out);
  }
  return out;
}

/** Whitelisted DTOs: unknown fields and bad values answer 400 with one message per field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      return coreError('invalid_input', { fields: Object.keys(fields).join(', ') }, { fields });
    },
  });
}
