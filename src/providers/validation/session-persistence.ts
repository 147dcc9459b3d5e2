/** Rule-level sessionPersistence (experimental channel), shared by HTTPRoute and GRPCRoute. */
import type { SessionPersistence } from '../../api/index.ts';
import * as F from './fields.ts';
import { obj, str } from './schema.ts';

export const sessionPersistence = () => obj<SessionPersistence>({
  absoluteTimeout: F.duration(),
  type: str({ enum: ['Cookie', 'Header'] }),
  cookie: obj({ lifetimeType: str({ enum: ['Permanent', 'Session'] }), name: F.headerName(), path: str({ maxLength: 1024 }) }),
  header: obj({ name: F.headerName() }, { required: ['name'] }),
}, {
  rules: [(s, report) => {
    // type defaults to Cookie before these rules run.
    const type = s.type ?? 'Cookie';
    if (s.cookie?.lifetimeType === 'Permanent' && s.absoluteTimeout === undefined) report('absoluteTimeout', 'absoluteTimeout must be specified when cookie lifetimeType is Permanent');
    if (s.cookie !== undefined && type !== 'Cookie') report('cookie', 'cookie must not be set unless type is Cookie');
    if (type === 'Cookie' && s.cookie === undefined) report('cookie', 'cookie must be specified for Cookie type');
    if (s.header !== undefined && type !== 'Header') report('header', 'header must not be set unless type is Header');
    if (type === 'Header' && s.header === undefined) report('header', 'header must be specified for Header type');
  }],
});
