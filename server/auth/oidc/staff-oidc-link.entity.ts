import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { StaffUser } from '../staff-user.entity';

/**
 * A staff member's account at the OpenID Connect provider, remembered at their first sign-in through it (matched
 * then by verified email). Later sign-ins match by subject, which the provider never reassigns, so a renamed or
 * reused email address at the provider cannot reach another member.
 */
@Entity('staff_oidc_links')
@Index('staff_oidc_links_subject', ['issuer', 'subject'], { unique: true })
@Index('staff_oidc_links_staff', ['staffId', 'issuer'], { unique: true })
export class StaffOidcLink {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'staff_id', type: 'uuid' })
  staffId: string;

  @ManyToOne(() => StaffUser, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'staff_id' })
  staff?: StaffUser;

  @Column({ type: 'text' })
  issuer: string;

  /** The ID token's `sub`. */
  @Column({ type: 'text' })
  subject: string;

  @Column({ name: 'linked_at', type: 'timestamptz' })
  linkedAt: Date;

  @Column({ name: 'last_sign_in_at', type: 'timestamptz' })
  lastSignInAt: Date;
}
