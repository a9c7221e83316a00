import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { auditActor } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../core/clock';
import { accountsError } from './accounts.errors';
import { OutboxService } from '../notifications/outbox.service';
import { CustomerAccount } from './customer-account.entity';
import { maskEmail, maskPhone, maskText } from './masking';
import { AccountQuery, rankPhoneMatches, routeQuery } from './query-router';
import type { AppConfig } from '../core/config/config';
import { APP_CONFIG } from '../core/config/config.module';
import { StaffUser } from '../auth/staff-user.entity';
import { SecurityEvent } from './security-event.entity';
import { TwoFactorMethod } from './two-factor-method.entity';
import { isUuid } from '../core/ids';
import { fallsBackToSimilar, NAME_SEARCH_TIMEOUT_MS, QUERY_CANCELED, wordsQuery } from './name-search';
import {
  AccountsByCustomerId,
  accountsByEmail,
  AccountsByName,
  accountsByPhones,
  securityTimeline,
  twoFactorMethodsOf,
} from './accounts-queries.service';

/** How a search result was found: the shape of the query, or for a name, all its words or a similar spelling. */
export type SearchMatch = 'customer_id' | 'email' | 'phone' | 'words' | 'similar';

/** The name-search stage that gave the answer (recorded in the audit entry). */
type NameStage = 'words' | 'similar';

export interface SearchHit {
  account: CustomerAccount;
  match: SearchMatch;
}

function maskedQuery(q: AccountQuery): string {
  switch (q.kind) {
    case 'customer_id':
      return q.customerId;
    case 'email':
      return maskEmail(q.email) ?? '';
    case 'phone':
      return maskPhone(q.e164) ?? '';
    case 'name':
      return `${maskText(q.text)} (${q.text.length} chars)`;
    case 'too_short':
      return '';
  }
}

@Injectable()
export class AccountsService {
  private readonly byCustomerId: AccountsByCustomerId;
  private readonly byName: AccountsByName;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {
    this.byCustomerId = new AccountsByCustomerId(dataSource);
    this.byName = new AccountsByName(dataSource);
  }

  /**
   * Finds accounts by the shape of the query; every search is audited as a sensitive read, with what it found.
   * `similar` asks a name search for similar spellings even when accounts have all the words.
   */
  async search(actor: Actor, raw: string, callRef: string | undefined, similar = false): Promise<SearchHit[]> {
    let query = routeQuery(raw, this.config.defaultPhoneRegion);
    let phoneRegion: string | undefined;
    if (query.kind === 'phone') {
      // A national writing is read with the agent's own region first (their setting, else DEFAULT_PHONE_REGION).
      phoneRegion = (await this.phoneRegionOf(actor.id)) ?? this.config.defaultPhoneRegion;
      if (phoneRegion !== this.config.defaultPhoneRegion) query = routeQuery(raw, phoneRegion);
    }
    if (query.kind === 'too_short') {
      throw accountsError('search_too_short', {}, { fields: { q: 'at least 3 characters' } });
    }
    const m = this.dataSource.manager;
    let found: SearchHit[];
    let nameStage: NameStage | undefined;
    switch (query.kind) {
      case 'customer_id':
        found = (await this.byCustomerId.find(m, query.customerId)).map((account) => ({ account, match: 'customer_id' }));
        break;
      case 'email':
        found = (await accountsByEmail(m, query.email)).map((account) => ({ account, match: 'email' }));
        break;
      case 'phone':
        // Every reading at once on the phone index (a handful of equality lookups), ranked afterwards.
        found = rankPhoneMatches(
          await accountsByPhones(
            m,
            query.candidates.map((c) => c.e164),
          ),
          query.candidates,
        ).map((account) => ({ account, match: 'phone' }));
        break;
      case 'name':
        ({ hits: found, stage: nameStage } = await this.searchByName(query.text, query.customerId, similar));
        break;
    }
    await this.audit.recordAlone({
      actor: auditActor(actor),
      meta: actor.meta,
      action: 'account.search',
      targetType: 'account_search',
      reason: callRef ?? null,
      after: {
        kind: query.kind,
        query: maskedQuery(query),
        ...(nameStage ? { nameStage } : {}),
        ...(phoneRegion ? { phoneRegion } : {}),
        results: found.length,
        accountIds: found.map((h) => h.account.id),
        callReference: callRef ?? null,
      },
    });
    return found;
  }

  private async phoneRegionOf(staffId: string): Promise<string | null> {
    const row = await this.dataSource.getRepository(StaffUser).findOne({ select: { id: true, phoneRegion: true }, where: { id: staffId } });
    return row?.phoneRegion ?? null;
  }

  /**
   * Name search in two stages (see name-search.ts): all the words first (the last as a prefix), one statement
   * bounded by its plan; similar spellings when none (unless the last word is too short to be a spelling:
   * MIN_SPELLING_LETTERS) or when asked, in a transaction under the search's statement timeout, whose expiry is
   * refused as too broad (the agent refines the search rather than waiting).
   */
  private async searchByName(text: string, asCustomerId: string, similar: boolean): Promise<{ hits: SearchHit[]; stage: NameStage }> {
    const tsquery = wordsQuery(text);
    if (!similar && tsquery) {
      const hits = await this.byName.withWords(this.dataSource.manager, asCustomerId, tsquery);
      if (hits.some((h) => h.match === 'words') || !fallsBackToSimilar(text)) return { hits, stage: 'words' };
    }
    try {
      const hits = await this.dataSource.transaction((m) => this.byName.withSimilarName(m, text, asCustomerId));
      return { hits, stage: 'similar' };
    } catch (e) {
      if (e instanceof QueryFailedError && (e.driverError as { code?: string }).code === QUERY_CANCELED) {
        throw accountsError('search_too_broad', { ms: NAME_SEARCH_TIMEOUT_MS });
      }
      throw e;
    }
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<CustomerAccount> {
    const account = isUuid(id) ? await manager.getRepository(CustomerAccount).findOneBy({ id }) : null;
    if (!account) throw accountsError('not_found');
    return account;
  }

  async detail(id: string): Promise<{ account: CustomerAccount; methods: TwoFactorMethod[] }> {
    const account = await this.get(id);
    const methods = await twoFactorMethodsOf(this.dataSource.manager, id);
    return { account, methods };
  }

  /** The security timeline, newest first, keyset-paginated on (at, id). */
  async events(id: string, limit: number, cursor: string | undefined): Promise<{ data: SecurityEvent[]; nextCursor: string | null }> {
    await this.get(id);
    return securityTimeline(this.dataSource.manager, id, limit, cursor);
  }

  /** "I don't know my customer ID": the ID goes to the primary email on file, never to the caller. */
  async sendCustomerIdReminder(actor: Actor, id: string, callReference: string): Promise<{ destination: string }> {
    const { outboxId, destination } = await this.dataSource.transaction(async (m) => {
      const account = await this.get(id, m);
      const mail = await this.outbox.add(m, {
        accountId: account.id,
        template: 'customer_id_reminder',
        language: account.language,
        to: account.primaryEmail,
        params: { customerId: account.customerId },
      });
      const destination = maskEmail(account.primaryEmail)!;
      await m.save(
        m.create(SecurityEvent, {
          accountId: account.id,
          at: this.clock.now(),
          kind: 'customer_id_reminder_sent',
          channel: 'phone_support',
          destinationMasked: destination,
          detail: null,
          ip: null,
        }),
      );
      await this.audit.record(m, {
        actor: auditActor(actor),
        meta: actor.meta,
        action: 'account.customer_id_reminder',
        targetType: 'account',
        targetId: account.id,
        reason: callReference,
        after: { destination, outboxId: mail.id },
      });
      return { outboxId: mail.id, destination };
    });
    await this.outbox.relay([outboxId]);
    return { destination };
  }
}
