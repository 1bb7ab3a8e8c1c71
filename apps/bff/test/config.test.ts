import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accountsFromEnvironment } from '../src/config';

function fileWith(accounts: unknown[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'console-config-')), 'accounts.json');
  writeFileSync(path, JSON.stringify({ accounts }));
  return path;
}

describe('accounts from the configuration file', () => {
  it('reads Alibaba and Huawei accounts, each secret from the variable the file names', () => {
    const path = fileWith([
      {
        id: 'sae-prod',
        name: 'SAE production',
        product: 'sae',
        regionId: 'cn-hangzhou',
        endpoint: 'https://sae.cn-hangzhou.aliyuncs.com',
        accessKeyId: 'LTAI-file',
        accessKeySecretEnv: 'SAE_SECRET',
      },
      {
        id: 'as-prod',
        name: 'AS production',
        product: 'as',
        regionId: 'cn-north-4',
        endpoint: 'https://as.cn-north-4.myhuaweicloud.com',
        iamEndpoint: 'https://iam.cn-north-4.myhuaweicloud.com',
        projectId: 'p-123',
        auth: { kind: 'token', domain: 'acme', user: 'ops', passwordEnv: 'HW_PASSWORD' },
      },
      {
        id: 'as-keys',
        name: 'AS with keys',
        product: 'as',
        regionId: 'cn-north-4',
        endpoint: 'https://as.cn-north-4.myhuaweicloud.com',
        iamEndpoint: 'https://iam.cn-north-4.myhuaweicloud.com',
        projectId: 'p-123',
        auth: { kind: 'aksk', ak: 'AK1', skEnv: 'HW_SK' },
      },
    ]);
    const accounts = accountsFromEnvironment({
      CONSOLE_CONFIG_FILE: path,
      SAE_SECRET: 'sae-secret-value',
      HW_PASSWORD: 'hw-password-value',
      HW_SK: 'hw-sk-value',
    });
    expect(accounts.map((a) => a.id)).toEqual(['sae-prod', 'as-prod', 'as-keys']);
    expect(accounts[0]).toMatchObject({
      product: 'sae',
      profile: '2022',
      accessKeySecret: 'sae-secret-value',
    });
    expect(accounts[1]).toMatchObject({
      product: 'as',
      auth: { kind: 'token', password: 'hw-password-value' },
    });
    expect(accounts[2]).toMatchObject({ auth: { kind: 'aksk', ak: 'AK1', sk: 'hw-sk-value' } });
  });

  it('names the account and the field that is wrong, never a secret', () => {
    const path = fileWith([
      {
        id: 'as-bad',
        name: 'AS',
        product: 'as',
        regionId: 'cn-north-4',
        endpoint: 'https://as.cn-north-4.myhuaweicloud.com',
        iamEndpoint: 'not a url',
        projectId: 'p-123',
        auth: { kind: 'token', domain: 'acme', user: 'ops', password: 'inline-secret' },
      },
    ]);
    expect(() => accountsFromEnvironment({ CONSOLE_CONFIG_FILE: path })).toThrow(/as-bad: iamEndpoint/);
    try {
      accountsFromEnvironment({ CONSOLE_CONFIG_FILE: path });
    } catch (error) {
      expect((error as Error).message).not.toContain('inline-secret');
    }
    const missing = fileWith([
      {
        id: 'sae-no-secret',
        name: 'SAE',
        product: 'sae',
        regionId: 'cn-hangzhou',
        endpoint: 'https://sae.cn-hangzhou.aliyuncs.com',
        accessKeyId: 'LTAI-file',
        accessKeySecretEnv: 'UNSET_VARIABLE',
      },
    ]);
    expect(() => accountsFromEnvironment({ CONSOLE_CONFIG_FILE: missing })).toThrow(/sae-no-secret/);
  });
});
