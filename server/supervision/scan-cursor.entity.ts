import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Where a job that reads the audit trail in order got to (the alert scanner). */
@Entity('scan_cursors')
export class ScanCursor {
  @PrimaryColumn({ type: 'text' })
  name: string;

  @Column({ name: 'last_event_id', type: 'bigint', default: 0 })
  lastEventId: string;
}
