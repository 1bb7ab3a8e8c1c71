import type { SessionRecord } from '../auth/sessions';
import type { RetailCloudGateway } from './gateway';

/**
 * Runs a state change and appends its audit record (who, account, resource, outcome, upstream RequestId);
 * the change's own error is rethrown after it is recorded.
 */
export type Audited = <T extends { requestId?: string }>(
  session: SessionRecord,
  action: string,
  accountId: string,
  resource: string,
  run: () => Promise<T>,
  detail?: string,
) => Promise<T>;

/** What the Retail Cloud family handlers get from the BFF. */
export interface RetailCloudFamilyDeps {
  /** The account's gateway; a 404 when the account is not a Retail Cloud one. */
  gateway(accountId: string): RetailCloudGateway;
  audited: Audited;
}
