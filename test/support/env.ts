// jest setupFile: runs before any import of a test file, so the app's config sees these values.
// Each jest worker gets its own database and queue prefix; nothing touches the development database or queues.
import * as os from 'node:os';
import * as path from 'node:path';

// TEST_RUN_ID keeps two runs on one machine apart (e.g. CI beside a developer's run).
const worker = `${process.env.TEST_RUN_ID ?? ''}${process.env.JEST_WORKER_ID ?? '1'}`;
const base = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const testDb = new URL(base.toString());
testDb.pathname = `/recovery_desk_test_${worker}`;

process.env.NODE_ENV = 'test';
process.env.TEST_ADMIN_DATABASE_URL = base.toString();
process.env.DATABASE_URL = testDb.toString();
process.env.REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/1';
process.env.QUEUE_PREFIX = `rdtest${worker}`;
/** A name of this test process's own, for the extra databases and queue prefixes some tests make. */
process.env.TEST_WORKER_TAG = worker;
process.env.SESSION_SECRET = 'test-only-session-secret-0123456789abcdef';
process.env.DATA_DIR = path.join(os.tmpdir(), `recovery-desk-test-${worker}`);
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'warn';
// Every request of a test run comes from 127.0.0.1: the per-IP login limit is tested on its own app.
process.env.LOGIN_MAX_FAILURES_PER_IP = '100000';
delete process.env.SMTP_URL;
