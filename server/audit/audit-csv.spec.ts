import { AuditEvent } from './audit-event.entity';
import { auditCsvText, toCsvRow } from './audit.dto';
import { auditEntry } from '../../test/support/audit-entry';

function exportOf(rows: Partial<AuditEvent>[]): string {
  return auditCsvText(
    rows.map((r) => toCsvRow(auditEntry({ at: new Date('2026-11-24T09:00:00Z'), prevHash: 'a', hash: 'b', ...r }))),
    true,
  );
}

describe('audit CSV export: spreadsheet formulas', () => {
  it.each([['=HYPERLINK("http://evil.test","click")'], ['+33 6 12 34 56 78'], ['-2+3'], ['@SUM(1+1)'], ['\tcmd'], ['\r=1+1'], ['＝1+1']])(
    'neutralises a cell starting with %j by a leading quote, in every text column',
    (value) => {
      const text = exportOf([
        {
          actorEmail: value,
          actorRoles: [value],
          action: value,
          targetType: value,
          targetId: value,
          caseId: value,
          reason: value,
          ip: value,
          requestId: value,
        },
      ]);
      const line = text.split('\n')[1];
      const quoted = `'${value}`;
      const cell = /[",\r\n]/.test(quoted) ? `"${quoted.replace(/"/g, '""')}"` : quoted;
      // actorEmail, actorRoles, action, targetType, targetId, caseId, reason, ip, requestId: nine cells, each neutralised.
      expect(line.split(cell).length - 1).toBe(9);
    },
  );

  it('leaves ordinary values as they are', () => {
    const text = exportOf([{ actorEmail: 'agent@example.test', reason: 'call 42, "urgent"', targetId: '2fa-reset' }]);
    expect(text.split('\n')[1]).toContain('agent@example.test');
    expect(text.split('\n')[1]).toContain('"call 42, ""urgent"""');
    expect(text.split('\n')[1]).toContain(',2fa-reset,');
  });
});
