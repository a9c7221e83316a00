import { Column, JoinColumn, ManyToOne } from 'typeorm';
import { CustomerAccount } from './customer-account.entity';

/** The columns of a row that belongs to one customer account and is deleted with it. */
export abstract class AccountOwned {
  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne(() => CustomerAccount, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: CustomerAccount;
}
