import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One sentence an agent reads to the caller at one step of the call, in one language. Supervisors edit the
 * text; the keys and their allowed placeholders are fixed in code (call-scripts.ts).
 */
@Entity('call_scripts')
export class CallScript {
  @PrimaryColumn({ type: 'text' })
  key: string;

  @PrimaryColumn({ type: 'text' })
  language: string;

  @Column({ type: 'text' })
  text: string;

  /** Null: the default text put in place at boot. */
  @Column({ name: 'updated_by', type: 'text', nullable: true })
  updatedBy: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
