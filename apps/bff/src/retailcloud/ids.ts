import { HttpError } from '../http/errors';

/**
 * Retail Cloud's console application is an app × environment, and its deploy orders carry neither the
 * app nor the category: the console ids carry what each read needs.
 *   application `<AppId>-<EnvId>`, rollout `<AppId>-<EnvId>-<DeployOrderId>`.
 */
export interface AppEnvRef {
  appId: number;
  envId: number;
}

export const appEnvId = (ref: AppEnvRef): string => `${ref.appId}-${ref.envId}`;

export function parseAppEnvId(id: string): AppEnvRef {
  const m = /^(\d{1,18})-(\d{1,18})$/.exec(id);
  if (!m) {
    throw new HttpError(
      400,
      'InvalidInput',
      `path field "appId": "${id}" is not a Retail Cloud application id (<AppId>-<EnvId>).`,
      { field: 'appId' },
    );
  }
  return { appId: Number(m[1]), envId: Number(m[2]) };
}

export const rolloutId = (ref: AppEnvRef, deployOrderId: number | string): string =>
  `${ref.appId}-${ref.envId}-${deployOrderId}`;

export function parseRolloutId(id: string): AppEnvRef & { deployOrderId: number } {
  const m = /^(\d{1,18})-(\d{1,18})-(\d{1,18})$/.exec(id);
  if (!m) {
    throw new HttpError(
      400,
      'InvalidInput',
      `path field "rolloutId": "${id}" is not a Retail Cloud deploy order id (<AppId>-<EnvId>-<DeployOrderId>).`,
      { field: 'rolloutId' },
    );
  }
  return { appId: Number(m[1]), envId: Number(m[2]), deployOrderId: Number(m[3]) };
}
