import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createHttpApp } from '../../server/app';
import { totpCode } from '../../server/auth/totp';
import { FixedClock } from '../../server/core/clock';
import { AppConfig, loadConfig } from '../../server/core/config/config';
import { DEMO_PASSWORD as DEMO_PASSWORD_VALUE, DEMO_TOTP_SECRET, seedDemoStaff } from '../../server/staff/demo-staff';
import { prepareTestDatabase } from './db';
import type { TestStaff } from './factories';

export const DEMO_PASSWORD = DEMO_PASSWORD_VALUE;

export interface TestApp {
  app: INestApplication;
  url: string;
  dataSource: DataSource;
  config: AppConfig;
  /** Set when the app was started with a FixedClock. */
  clock?: FixedClock;
  close(): Promise<void>;
}

export interface TestAppOptions {
  config?: Partial<AppConfig>;
  clock?: FixedClock;
  /** Also run the queue workers in this process (role "all"). */
  worker?: boolean;
}

/** Boots the real API (and, if asked, the workers) on a random port against the worker's test database. */
export async function startTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  await prepareTestDatabase();
  const config = loadConfig(process.env, { role: opts.worker ? 'all' : 'api', port: 0, ...opts.config });
  const app = await createHttpApp(config, opts.clock);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const dataSource = app.get(DataSource);
  await seedDemoStaff(dataSource);
  return { app, url: `http://127.0.0.1:${port}`, dataSource, config, clock: opts.clock, close: () => app.close() };
}

export function demoOtp(): Promise<string> {
  return totpCode(DEMO_TOTP_SECRET);
}

/**
 * Signs a test staff member in and returns an agent carrying the session cookie. With a FixedClock the clock
 * moves one TOTP step first, so the same person can sign in again in one test (codes are single-use).
 */
export async function signIn(t: TestApp, staff: TestStaff): Promise<ReturnType<typeof request.agent>> {
  t.clock?.advance(30_000);
  const now = t.clock ? t.clock.now().getTime() : Date.now();
  const agent = request.agent(t.url);
  const res = await agent
    .post('/api/auth/login')
    .send({ email: staff.email, password: staff.password, otp: await totpCode(staff.secret, now) });
  if (res.status !== 200) throw new Error(`sign-in of ${staff.email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return agent;
}
