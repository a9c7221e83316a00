import { Column, CreateDateColumn, PrimaryGeneratedColumn } from 'typeorm';

/** What every request waiting for a second admin holds: whom it is about, who asked, and why. */
export abstract class StaffRequest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'staff_id', type: 'uuid' })
  staffId: string;

  @Column({ name: 'requested_by', type: 'uuid' })
  requestedBy: string;

  @Column({ type: 'text' })
  reason: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
