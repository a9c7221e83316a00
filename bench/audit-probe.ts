/**
 * Diagnostic preload for `bench:audit` (not used by default): `BENCH_API_NODE_FLAGS="--require dist/bench/audit-probe.js"`
 * with BENCH_EXPORT_BATCH=<n> makes the API's export fetch n rows a batch instead of AuditQueryService.stream's
 * default (2000), to measure how the batch size drives the export's peak memory without editing the server.
 */
import { AuditQueryService } from '../server/audit/audit-query.service';

const batch = Number(process.env.BENCH_EXPORT_BATCH ?? 0);
if (batch > 0) {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the instance as `this`
  const original = AuditQueryService.prototype.stream;
  AuditQueryService.prototype.stream = function stream(this: AuditQueryService, filter, _batch) {
    return original.call(this, filter, batch);
  };
}
