import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { auditActor } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { StaffUser } from '../auth/staff-user.entity';
import { AuditService } from '../audit/audit.service';
import type { AppConfig } from '../core/config/config';
import { APP_CONFIG } from '../core/config/config.module';
import { staffError } from './staff.errors';

export interface MySettings {
  phoneRegion: string | null;
  defaultPhoneRegion: string;
}

/**
 * Each staff member's own settings, whatever their roles: today the region national phone numbers typed in the
 * search box are read in first. Nobody sets another member's; every change is audited.
 */
@Injectable()
export class MySettingsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  private view(user: Pick<StaffUser, 'phoneRegion'>): MySettings {
    return { phoneRegion: user.phoneRegion, defaultPhoneRegion: this.config.defaultPhoneRegion };
  }

  async get(actor: Actor): Promise<MySettings> {
    const user = await this.dataSource.getRepository(StaffUser).findOneBy({ id: actor.id });
    if (!user) throw staffError('not_found');
    return this.view(user);
  }

  async update(actor: Actor, phoneRegion: string | null | undefined): Promise<MySettings> {
    return this.dataSource.transaction(async (m) => {
      const user = await m.getRepository(StaffUser).findOne({ where: { id: actor.id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw staffError('not_found');
      const before = user.phoneRegion;
      const after = phoneRegion === undefined ? before : phoneRegion;
      if (before !== after) {
        await m.update(StaffUser, { id: user.id }, { phoneRegion: after });
        await this.audit.record(m, {
          actor: auditActor(actor),
          meta: actor.meta,
          action: 'staff.settings.update',
          targetType: 'staff',
          targetId: user.id,
          before: { phoneRegion: before },
          after: { phoneRegion: after },
        });
      }
      return this.view({ phoneRegion: after });
    });
  }
}
