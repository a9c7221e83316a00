/**
 * S1's baseline, forked by bench/lookup.ts into its own process: a bare `node:http` + `pg` server doing the work of
 * GET /api/accounts?q=<customer ID> without the framework: the same SELECT by customer_id, the same `audit_append`
 * call (advisory lock, last hash, sha256 over the canonical entry, insert), the same masked summary in the answer,
 * through a pool of the same size as the API's (POOL_SIZE). No session, no guard, no log: that is what the full
 * stack adds.
 *
 * Parent protocol (IPC): it sends { databaseUrl, poolSize, agent: { id, email, roles } }; this process answers
 * { port } once listening, and closes on SIGTERM.
 */
import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'pg';
import { normalizeCustomerId } from '../server/accounts/customer-id';
import { maskEmail, maskPhone } from '../server/accounts/masking';
import type { chainHash } from '../server/audit/audit-chain';
import { AUDIT_APPEND_SQL, auditAppendParams } from '../server/audit/audit.service';

export interface BareJob {
  databaseUrl: string;
  poolSize: number;
  agent: { id: string; email: string; roles: string[] };
}

interface AccountRow {
  id: string;
  customer_id: string;
  account_type: string;
  name: string;
  company_name: string | null;
  primary_email: string;
  backup_email: string | null;
  phone: string | null;
  city: string;
  country: string;
  status: string;
}

type AuditFields = Parameters<typeof chainHash>[1];

/** The account columns the API's lookup reads (its entity's every column). */
const LOOKUP_SQL = `SELECT id, customer_id, account_type, name, company_name, legal_representative, primary_email, backup_email, phone,
    address_line, postal_code, city, country, language, status, flags, created_at, updated_at
  FROM customer_accounts WHERE customer_id = $1`;

function startBareServer(pool: Pool, agent: BareJob['agent']): Promise<http.Server> {
  const roles = [...agent.roles].sort();
  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://bench');
      const q = url.searchParams.get('q');
      if (url.pathname !== '/api/accounts' || !q) {
        res.writeHead(404).end();
        return;
      }
      const customerId = normalizeCustomerId(q);
      const found = await pool.query<AccountRow>(LOOKUP_SQL, [customerId]);
      const fields: AuditFields = {
        at: new Date(),
        actorId: agent.id,
        actorEmail: agent.email,
        actorRoles: roles,
        action: 'account.search',
        outcome: 'success',
        targetType: 'account_search',
        targetId: null,
        caseId: null,
        reason: null,
        before: null,
        after: {
          kind: 'customer_id',
          query: customerId,
          results: found.rows.length,
          accountIds: found.rows.map((r) => r.id),
          callReference: null,
        },
        ip: req.socket.remoteAddress ?? null,
        requestId: randomUUID(),
      };
      await pool.query(AUDIT_APPEND_SQL, auditAppendParams(fields));
      const data = found.rows.map((a) => ({
        id: a.id,
        customerId: a.customer_id,
        accountType: a.account_type,
        name: a.name,
        companyName: a.company_name,
        primaryEmail: maskEmail(a.primary_email),
        phone: maskPhone(a.phone),
        city: a.city,
        country: a.country,
        status: a.status,
        hasBackupEmail: a.backup_email !== null,
        match: 'customer_id',
      }));
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify({ data, nextCursor: null }));
    })().catch((e: unknown) => {
      console.error('bare server:', e instanceof Error ? e.message : e);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

if (require.main === module) {
  process.once('message', (job: BareJob) => {
    const pool = new Pool({ connectionString: job.databaseUrl, max: job.poolSize });
    startBareServer(pool, job.agent).then(
      (server) => {
        process.send!({ port: (server.address() as AddressInfo).port });
        process.once('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))));
      },
      (e: unknown) => {
        console.error(e);
        process.exit(1);
      },
    );
  });
}
