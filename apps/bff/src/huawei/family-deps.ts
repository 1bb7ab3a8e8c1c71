import type { Audited } from '../retailcloud/family-deps';
import type { HuaweiGateway } from './gateway';

/** One Huawei account as its family handlers see it: the product's gateway and the project in its paths. */
export interface HuaweiFamilyAccount {
  gateway: HuaweiGateway;
  projectId: string;
}

/** What the AS and AOS family handlers get from the BFF. */
export interface HuaweiFamilyDeps {
  /** The account's gateway; a 404 when the account is not of the product. */
  account(accountId: string): HuaweiFamilyAccount;
  audited: Audited;
}
