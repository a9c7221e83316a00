import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { StaffUser } from '../auth/staff-user.entity';

/** A staff member's saved audit search: a name and the audit list's filters as a query string. Private to its owner. */
@Entity('saved_audit_searches')
@Index('saved_audit_searches_name', ['staffId', 'name'], { unique: true })
export class SavedAuditSearch {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'staff_id', type: 'uuid' })
  staffId: string;

  @ManyToOne(() => StaffUser, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'staff_id' })
  staff?: StaffUser;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  query: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
