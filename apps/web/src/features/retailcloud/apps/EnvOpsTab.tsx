import type { Role } from '@console/contract';

/** The operations of one environment: SLB access points, services, jobs and storage claims. */
export function EnvOpsTab(_props: { accountId: string; appId: string; role: Role }) {
  return <div data-testid="retailcloud-env-ops" />;
}
