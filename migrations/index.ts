import { Extensions1795611540000 } from './1795611540000-Extensions';
import { Init1795611540065 } from './1795611540065-Init';
import { AuditAppendOnly1795611540100 } from './1795611540100-AuditAppendOnly';

/** In order. Generated migrations are added here by hand (one line): no globs, so jest and dist load the same list. */
export const migrations = [Extensions1795611540000, Init1795611540065, AuditAppendOnly1795611540100];
