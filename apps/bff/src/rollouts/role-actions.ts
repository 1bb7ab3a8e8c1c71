import { hasRole, type Role, type Rollout } from '@console/contract';

type Actions = Rollout['actions'];

/** What a role may do to a rollout: a viewer sees every action refused, with the role it needs. */
export function actionsForRole(role: Role, actions: Actions): Actions {
  if (hasRole(role, 'operator')) return actions;
  const denied = { allowed: false, reason: 'Requires the operator role.', code: 'role' as const };
  const masked = { confirm: denied, abort: denied, abortAndRollback: denied };
  return actions.extend ? { ...masked, extend: denied } : masked;
}

export const rolloutForRole = (role: Role, rollout: Rollout): Rollout => ({
  ...rollout,
  actions: actionsForRole(role, rollout.actions),
});
