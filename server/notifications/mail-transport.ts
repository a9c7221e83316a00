import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import nodemailer, { Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { AppConfig } from '../core/config/config';
import { APP_CONFIG } from '../core/config/config.module';

export interface OutgoingMail {
  id: string;
  to: string;
  subject: string;
  text: string;
}

/** SMTP when SMTP_URL is set; otherwise each mail becomes an .eml file under MAIL_DIR (development). */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly transporter: Transporter;
  private readonly toFiles: boolean;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.toFiles = !config.smtpUrl;
    this.transporter = config.smtpUrl
      ? nodemailer.createTransport({
          url: config.smtpUrl,
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 30_000,
        } as SMTPTransport.Options)
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  /** Resolves once the server accepted the mail; the Message-ID is fixed per outbox row so duplicates can be told. */
  async send(mail: OutgoingMail): Promise<string> {
    const messageId = `<${mail.id}@recovery-desk.invalid>`;
    const info = await this.transporter.sendMail({
      from: this.config.mailFrom,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      messageId,
      headers: { 'X-Recovery-Desk-Outbox-Id': mail.id },
    });
    if (this.toFiles) {
      await fs.mkdir(this.config.mailDir, { recursive: true });
      await fs.writeFile(path.join(this.config.mailDir, `${mail.id}.eml`), info.message as Buffer);
    }
    return messageId;
  }

  onApplicationShutdown(): void {
    this.transporter.close();
  }
}
