import type { ConsoleOrg, Tenant } from '../../model/entities';
import type { SimKey } from '../../model/keys';
import type { Ctx } from '../../http/context';
import { NotFound } from '../../http/reply';

/** Who is calling the Admin API: a Console admin key, or a scoped Claude Enterprise key. */
export interface AdminPrincipal {
  key: SimKey;
  tenant: Tenant;
  kind: 'console_admin' | 'enterprise';
}

export function consoleOrg(ctx: Ctx, p: AdminPrincipal): ConsoleOrg {
  if (!p.tenant.console) throw new NotFound('The requested resource could not be found.');
  return p.tenant.console;
}
