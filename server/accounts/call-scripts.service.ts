import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { auditActor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../core/clock';
import type { AppConfig } from '../core/config/config';
import { APP_CONFIG } from '../core/config/config.module';
import { accountsError } from './accounts.errors';
import { CallScript } from './call-script.entity';
import {
  CALL_SCRIPTS,
  isScriptKey,
  SCRIPT_KEYS,
  SCRIPT_LANGUAGES,
  SCRIPT_MAX_LENGTH,
  ScriptKey,
  ScriptLanguage,
  unknownPlaceholders,
} from './call-scripts';

export interface CallScriptView {
  key: ScriptKey;
  placeholders: readonly string[];
  texts: Record<ScriptLanguage, string>;
  defaults: Record<ScriptLanguage, string>;
  updatedBy: string | null;
  updatedAt: string | null;
}

/** The address the customer mails come from (`Name <a@b>` → `a@b`): what a caller looks for in a spam folder. */
export function senderAddress(mailFrom: string): string {
  const inBrackets = /<([^<>]+)>/.exec(mailFrom);
  return (inBrackets ? inBrackets[1] : mailFrom).trim();
}

/**
 * What agents read to callers. Default texts live in code and are inserted where missing when the app boots
 * (a fresh database, or a key added by a release); supervisors' edits are rows that a boot never overwrites.
 */
@Injectable()
export class CallScriptsService implements OnApplicationBootstrap {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.insertDefaults();
  }

  async insertDefaults(): Promise<void> {
    const rows = SCRIPT_KEYS.flatMap((key) =>
      SCRIPT_LANGUAGES.map((language) => ({
        key,
        language,
        text: CALL_SCRIPTS[key][language],
        updatedBy: null,
        updatedAt: this.clock.now(),
      })),
    );
    await this.dataSource.createQueryBuilder().insert().into(CallScript).values(rows).orIgnore().execute();
  }

  get sender(): string {
    return senderAddress(this.config.mailFrom);
  }

  async list(): Promise<{ sender: string; data: CallScriptView[] }> {
    const rows = await this.dataSource.getRepository(CallScript).find();
    return {
      sender: this.sender,
      data: SCRIPT_KEYS.map((key) =>
        this.view(
          key,
          rows.filter((r) => r.key === key),
        ),
      ),
    };
  }

  /** A supervisor rewrites both languages of one step at once; audited with the texts before and after. */
  async update(actor: Actor, key: string, texts: Record<ScriptLanguage, string>): Promise<CallScriptView> {
    if (!isScriptKey(key)) throw accountsError('call_script_not_found');
    const errors: Record<string, string> = {};
    for (const language of SCRIPT_LANGUAGES) {
      const text = texts[language].trim();
      if (!text) errors[language] = 'must not be empty';
      else if (text.length > SCRIPT_MAX_LENGTH) errors[language] = `at most ${SCRIPT_MAX_LENGTH} characters`;
      else {
        const bad = unknownPlaceholders(key, text);
        if (bad.length)
          errors[language] =
            `unknown placeholder ${bad.map((b) => `{${b}}`).join(', ')}; allowed: ${CALL_SCRIPTS[key].placeholders.map((p) => `{${p}}`).join(', ') || 'none'}`;
      }
    }
    if (Object.keys(errors).length) {
      const placeholderError = Object.values(errors).some((e) => e.startsWith('unknown placeholder'));
      throw accountsError(placeholderError ? 'unknown_placeholder' : 'invalid_script', {}, { fields: errors });
    }
    return this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(CallScript);
      const before = await repo.find({ where: { key }, lock: { mode: 'pessimistic_write' } });
      const now = this.clock.now();
      const rows = SCRIPT_LANGUAGES.map((language) =>
        repo.create({ key, language, text: texts[language].trim(), updatedBy: actor.email, updatedAt: now }),
      );
      await repo.save(rows);
      const textOf = (list: CallScript[]) => Object.fromEntries(list.map((r) => [r.language, r.text]));
      await this.audit.record(m, {
        actor: auditActor(actor),
        meta: actor.meta,
        action: 'call_script.update',
        targetType: 'call_script',
        targetId: key,
        before: textOf(before),
        after: textOf(rows),
      });
      return this.view(key, rows);
    });
  }

  private view(key: ScriptKey, rows: CallScript[]): CallScriptView {
    const def = CALL_SCRIPTS[key];
    const edited = rows.filter((r) => r.updatedBy !== null).sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())[0];
    return {
      key,
      placeholders: def.placeholders,
      texts: Object.fromEntries(SCRIPT_LANGUAGES.map((l) => [l, rows.find((r) => r.language === l)?.text ?? def[l]])) as Record<
        ScriptLanguage,
        string
      >,
      defaults: { fr: def.fr, en: def.en },
      updatedBy: edited?.updatedBy ?? null,
      updatedAt: edited ? edited.updatedAt.toISOString() : null,
    };
  }
}
