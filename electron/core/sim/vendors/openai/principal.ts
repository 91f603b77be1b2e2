import type { OpenAiOrg, Tenant } from '../../model/entities';
import type { SimKey } from '../../model/keys';

export interface OpenAiPrincipal {
  key: SimKey;
  tenant: Tenant;
  org: OpenAiOrg;
}
