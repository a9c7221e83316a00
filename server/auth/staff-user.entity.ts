import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const STAFF_ROLES = ['agent', 'reviewer', 'supervisor', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
/** Roles one admin cannot grant alone: a second admin confirms (staff_role_requests). */
export const PRIVILEGED_ROLES: readonly StaffRole[] = ['supervisor', 'admin'];
export const STAFF_LANGUAGES = ['fr', 'en'] as const;
export type StaffLanguage = (typeof STAFF_LANGUAGES)[number];

@Entity('staff_users')
export class StaffUser {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'citext', unique: true })
  email: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  roles: StaffRole[];

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Language of the mails the member receives (invitation, re-enrolment). */
  @Column({ type: 'text', default: 'en' })
  language: StaffLanguage;

  /**
   * ISO 3166-1 alpha-2 region a national phone number typed in the search box is read in first (`07700 900123`
   * under GB); null: the DEFAULT_PHONE_REGION setting. Each member sets their own.
   */
  @Column({ name: 'phone_region', type: 'char', length: 2, nullable: true })
  phoneRegion: string | null;

  /** Null until the member sets it through their invitation link: nobody else ever knows it. */
  @Column({ name: 'password_hash', type: 'text', nullable: true, select: false })
  passwordHash: string | null;

  /** Null until the member enrols (invitation), and again after a confirmed second-factor reset. */
  @Column({ name: 'totp_secret', type: 'text', nullable: true, select: false })
  totpSecret: string | null;

  /** Last TOTP time step accepted: a code is never accepted twice. */
  @Column({ name: 'totp_last_step', type: 'bigint', nullable: true, select: false })
  totpLastStep: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
