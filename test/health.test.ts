// Liveness and readiness, against a real PostgreSQL (through a proxy that can be cut) and a real or absent Redis.
import request from 'supertest';
import { startTestApp } from './support/app';
import { prepareTestDatabase } from './support/db';
import { TcpProxy } from './support/tcp-proxy';

const up = { status: 'up' };

describe('health: liveness and readiness', () => {
  it('is live and ready when PostgreSQL and Redis answer and every migration is applied', async () => {
    const t = await startTestApp();
    try {
      const live = await request(t.url).get('/api/health/live');
      expect(live.status).toBe(200);
      expect(live.body).toEqual({ status: 'ok' });
      const ready = await request(t.url).get('/api/health/ready');
      expect(ready.status).toBe(200);
      expect(ready.headers['cache-control']).toBe('no-store');
      expect(ready.body).toMatchObject({
        status: 'ok',
        info: { database: up, redis: up, migrations: up },
        error: {},
        details: { database: up, redis: up, migrations: up },
      });
      // The combined check keeps its answer.
      expect((await request(t.url).get('/api/health')).body).toEqual({ status: 'ok', database: 'up', redis: 'up' });
    } finally {
      await t.close();
    }
  });

  it('is not ready (503, naming redis) when Redis is unreachable, and stays live', async () => {
    const t = await startTestApp({ config: { redisUrl: 'redis://127.0.0.1:1/0' } });
    try {
      const ready = await request(t.url).get('/api/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({
        status: 'error',
        info: { database: up, migrations: up },
        error: { redis: { status: 'down', message: 'unreachable' } },
      });
      expect(Object.keys(ready.body.error)).toEqual(['redis']);
      expect(JSON.stringify(ready.body)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|redis:\/\//);
      expect((await request(t.url).get('/api/health/live')).status).toBe(200);
    } finally {
      await t.close();
    }
  });

  it('is not ready (503, naming the database) while PostgreSQL is unreachable, and ready again when it is back', async () => {
    await prepareTestDatabase();
    const db = new URL(process.env.DATABASE_URL!);
    const proxy = new TcpProxy(db.hostname, Number(db.port || 5432));
    await proxy.start();
    const viaProxy = new URL(db.toString());
    viaProxy.host = `127.0.0.1:${proxy.port}`;
    const t = await startTestApp({ config: { databaseUrl: viaProxy.toString() } });
    try {
      expect((await request(t.url).get('/api/health/ready')).status).toBe(200);
      await proxy.cut();
      const ready = await request(t.url).get('/api/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({ status: 'error', info: { redis: up }, error: { database: { status: 'down' } } });
      expect(JSON.stringify(ready.body)).not.toMatch(/ECONNREFUSED|postgres|127\.0\.0\.1/i);
      expect((await request(t.url).get('/api/health/live')).status).toBe(200);

      await proxy.restore();
      // The pool reconnects on its next query.
      let again = await request(t.url).get('/api/health/ready');
      for (let i = 0; again.status !== 200 && i < 20; i++) {
        await new Promise((r) => setTimeout(r, 100));
        again = await request(t.url).get('/api/health/ready');
      }
      expect(again.status).toBe(200);
    } finally {
      await t.close();
      await proxy.stop();
    }
  });

  it('is not ready (503, naming migrations) when the database lacks a migration this code has', async () => {
    const t = await startTestApp();
    // The database as an older release left it: its last migration not recorded (this app has not asked yet).
    const [last]: { id: number; name: string }[] = await t.dataSource.query(`SELECT id, name FROM migrations ORDER BY id DESC LIMIT 1`);
    const restore = () => t.dataSource.query(`UPDATE migrations SET name = $2 WHERE id = $1`, [last.id, last.name]);
    try {
      await t.dataSource.query(`UPDATE migrations SET name = name || '-renamed' WHERE id = $1`, [last.id]);
      const ready = await request(t.url).get('/api/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({
        status: 'error',
        info: { database: up, redis: up },
        error: { migrations: { status: 'down', message: '1 not applied' } },
      });
      await restore();
      expect((await request(t.url).get('/api/health/ready')).status).toBe(200);
    } finally {
      await restore();
      await t.close();
    }
  });
});
