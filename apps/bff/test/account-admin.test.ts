import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Account, AccountAdminView, AdminAccount, ApplicationPage, AuditPage } from '@console/contract';
import {
  type Stack,
  startStack,
  startTestPostgres,
  TEST_ALIYUN_KEY,
  TEST_CREDENTIALS_KEY,
} from '@console/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CredentialVault } from '../src/accounts/credential-vault';
import { StoredAccountStore } from '../src/accounts/stored-accounts';
import type { AccountConfig } from '../src/config';
import { type Database, openEmbeddedDatabase } from '../src/db/database';
import { createLogger } from '../src/logger';
import { errorOf, type RawResponse, type RawSession, rawLogin, send, startBareBff } from './security-routes';

/** Everything the BFF logged, at every level. */
const logLines: string[] = [];
/** Every answer the tests received: status line, headers and body. */
const answers: string[] = [];

let stack: Stack;
let admin: RawSession;
let viewer: RawSession;
let operator: RawSession;
const running: { stop(): Promise<void> }[] = [];
const databases: Database[] = [];

beforeAll(async () => {
  stack = await startStack({
    bffOptions: { logger: createLogger('trace', { write: (line: string) => void logLines.push(line) }) },
  });
  admin = await rawLogin(stack.bff.url, 'admin', 'admin-demo-1');
  viewer = await rawLogin(stack.bff.url, 'viewer', 'viewer-demo-1');
  operator = await rawLogin(stack.bff.url, 'operator', 'operator-demo-1');
});

afterAll(async () => {
  for (const r of running.reverse()) await r.stop();
  for (const db of databases) await db.close();
  await stack?.stop();
});

/** A request whose whole answer is kept for the secret scan. */
async function call(
  method: string,
  path: string,
  session: RawSession | undefined,
  body?: unknown,
  baseUrl = stack.bff.url,
): Promise<RawResponse> {
  const response = await send(baseUrl, method, path, {
    session,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  answers.push(
    `${response.status}\n${[...response.headers].map(([k, v]) => `${k}: ${v}`).join('\n')}\n${response.text}`,
  );
  return response;
}

const saeBody = (id: string, overrides: Record<string, unknown> = {}) => ({
  product: 'sae',
  id,
  name: `Added ${id}`,
  regionId: 'cn-hangzhou',
  endpoint: stack.sim.url,
  credentials: { kind: 'accessKey', ...TEST_ALIYUN_KEY },
  ...overrides,
});

const WRONG_SECRET = 'replaced-wrong-secret-Yx72Qa';
/** The body that replaces an SAE account's credentials with the right key id and a wrong secret. */
const WRONG_CREDENTIALS = {
  credentials: { kind: 'accessKey', accessKeyId: TEST_ALIYUN_KEY.accessKeyId, accessKeySecret: WRONG_SECRET },
};

describe('admin account routes', () => {
  it('adds an SAE account at the simulator: usable at once, its credentials never answered', async () => {
    const created = await call('POST', '/api/admin/accounts', admin, saeBody('sae-added'));
    expect(created.status).toBe(200);
    const account = created.json as AdminAccount;
    expect(account).toMatchObject({
      id: 'sae-added',
      origin: 'stored',
      product: 'sae',
      endpoint: stack.sim.url,
      credentialKind: 'accessKey',
      keyHint: TEST_ALIYUN_KEY.accessKeyId.slice(-4),
      createdBy: 'admin',
      usable: true,
    });
    expect(Date.parse(account.credentialsSetAt ?? '')).toBeGreaterThan(Date.now() - 60_000);

    // Every user sees it in the account switcher, without an endpoint or any credential.
    const listed = await call('GET', '/api/accounts', viewer);
    const mine = (listed.json as Account[]).find((a) => a.id === 'sae-added');
    expect(mine).toMatchObject({ origin: 'stored', product: 'sae', profile: '2022' });
    expect(mine?.features).toContain('namespaces');
    expect(listed.text).not.toContain(stack.sim.url);
    expect((listed.json as Account[]).find((a) => a.id === 'sae-demo')?.origin).toBe('configuration');

    // Its applications come from the simulator, signed with the stored key: the same as the demo account's.
    const apps = await call('GET', '/api/accounts/sae-added/applications', viewer);
    expect(apps.status).toBe(200);
    const demo = await call('GET', '/api/accounts/sae-demo/applications', viewer);
    const names = (r: RawResponse) => (r.json as ApplicationPage).items.map((a) => a.name).sort();
    expect(names(apps).length).toBeGreaterThan(0);
    expect(names(apps)).toEqual(names(demo));
  });

  it('adds a Huawei AS account with an AK/SK pair; its scaling groups load', async () => {
    const { huawei } = stack.sim;
    const created = await call('POST', '/api/admin/accounts', admin, {
      product: 'as',
      id: 'as-added',
      name: 'Added AS',
      regionId: huawei.region,
      endpoint: `${stack.sim.url}/`,
      iamEndpoint: stack.sim.url,
      projectId: huawei.projectId,
      credentials: { kind: 'aksk', ak: huawei.ak, sk: huawei.sk },
    });
    expect(created.status).toBe(200);
    expect(created.json).toMatchObject({
      credentialKind: 'aksk',
      keyHint: huawei.ak.slice(-4),
      usable: true,
    });
    // The endpoint is kept in its one spelling.
    expect((created.json as AdminAccount).endpoint).toBe(stack.sim.url);
    const groups = await call('GET', '/api/accounts/as-added/applications', operator);
    expect(groups.status).toBe(200);
    expect((groups.json as ApplicationPage).items.length).toBeGreaterThan(0);
  });

  it('replaces credentials write-only: the next call signs with the new ones', async () => {
    const wrong = await call('PUT', '/api/admin/accounts/sae-added/credentials', admin, WRONG_CREDENTIALS);
    expect(wrong.status).toBe(200);
    expect(wrong.json).toMatchObject({ id: 'sae-added', usable: true });
    const refused = await call('GET', '/api/accounts/sae-added/applications', viewer);
    expect(refused.status).toBe(502);
    expect(errorOf(refused)?.code).toBe('UpstreamError');
    expect((refused.json as { error: { upstream?: { code: string } } }).error.upstream?.code).toMatch(
      /Signature/,
    );

    const kindMismatch = await call('PUT', '/api/admin/accounts/sae-added/credentials', admin, {
      credentials: { kind: 'token', domain: 'd', user: 'u', password: 'p' },
    });
    expect(kindMismatch.status).toBe(400);
    expect(errorOf(kindMismatch)?.field).toBe('credentials.kind');

    const right = await call('PUT', '/api/admin/accounts/sae-added/credentials', admin, {
      credentials: { kind: 'accessKey', ...TEST_ALIYUN_KEY },
    });
    expect(right.status).toBe(200);
    expect(Date.parse((right.json as AdminAccount).credentialsSetAt ?? '')).toBeGreaterThanOrEqual(
      Date.parse((wrong.json as AdminAccount).credentialsSetAt ?? ''),
    );
    expect((await call('GET', '/api/accounts/sae-added/applications', viewer)).status).toBe(200);

    const configured = await call('PUT', '/api/admin/accounts/sae-demo/credentials', admin, {
      credentials: { kind: 'accessKey', ...TEST_ALIYUN_KEY },
    });
    expect(configured.status).toBe(409);
    expect(errorOf(configured)?.code).toBe('ConfiguredAccount');
    expect(
      (
        await call('PUT', '/api/admin/accounts/no-such/credentials', admin, {
          credentials: { kind: 'accessKey', ...TEST_ALIYUN_KEY },
        })
      ).status,
    ).toBe(404);
  });

  it('shows admins every account with its origin, the allowed endpoints and the key, never a secret', async () => {
    const view = await call('GET', '/api/admin/accounts', admin);
    expect(view.status).toBe(200);
    const body = view.json as AccountAdminView;
    expect(body.allowedEndpoints).toEqual([stack.sim.url]);
    expect(body.vault).toMatchObject({ configured: true, pendingRotation: 0 });
    expect(body.vault.keyId).toMatch(/^[0-9a-f]{12}$/);
    const byId = new Map(body.accounts.map((a) => [a.id, a]));
    expect(byId.get('sae-demo')).toMatchObject({ origin: 'configuration', credentialKind: 'accessKey' });
    expect(byId.get('aos-demo')).toMatchObject({ origin: 'configuration', credentialKind: 'token' });
    expect(byId.get('sae-added')).toMatchObject({ origin: 'stored', keyId: body.vault.keyId });
    expect(byId.get('as-added')).toMatchObject({ origin: 'stored', product: 'as' });
  });

  it('lets only admins in: viewers and operators 403, anonymous 401, and nothing changes', async () => {
    const attempts: [string, string, unknown][] = [
      ['GET', '/api/admin/accounts', undefined],
      ['POST', '/api/admin/accounts', saeBody('sae-sneaky')],
      [
        'PUT',
        '/api/admin/accounts/sae-added/credentials',
        { credentials: { kind: 'accessKey', ...TEST_ALIYUN_KEY } },
      ],
      ['DELETE', '/api/admin/accounts/sae-added', { confirmName: 'Added sae-added' }],
      ['POST', '/api/admin/credentials/rotate', {}],
    ];
    for (const [method, path, body] of attempts) {
      for (const [who, session, status] of [
        ['viewer', viewer, 403],
        ['operator', operator, 403],
        ['anonymous', undefined, 401],
      ] as const) {
        const response = await call(method, path, session, body);
        expect(`${who} ${method} ${path}: ${response.status}`).toBe(`${who} ${method} ${path}: ${status}`);
      }
    }
    const listed = (await call('GET', '/api/accounts', admin)).json as Account[];
    expect(listed.map((a) => a.id)).toContain('sae-added');
    expect(listed.map((a) => a.id)).not.toContain('sae-sneaky');
  });

  it('takes an endpoint only from the configuration: anything else is a 400 naming the field', async () => {
    const hits: string[] = [];
    const trap: Server = createServer((req, res) => {
      hits.push(`${req.method} ${req.url}`);
      res.end('{}');
    });
    await new Promise<void>((resolve) => trap.listen(0, '127.0.0.1', resolve));
    const trapUrl = `http://127.0.0.1:${(trap.address() as AddressInfo).port}`;
    try {
      const cases: [Record<string, unknown>, string][] = [
        [saeBody('sae-trap', { endpoint: trapUrl }), 'endpoint'],
        [saeBody('sae-trap', { endpoint: `${stack.sim.url}/?x=${trapUrl}` }), 'endpoint'],
        [saeBody('sae-trap', { endpoint: stack.sim.url.replace('http://', 'http://user:pw@') }), 'endpoint'],
        [saeBody('sae-trap', { endpoint: 'javascript:alert(1)' }), 'endpoint'],
        [saeBody('sae-trap', { endpoint: 'file:///etc/passwd' }), 'endpoint'],
        [
          {
            product: 'aos',
            id: 'aos-trap',
            name: 'Trap',
            regionId: 'cn-north-4',
            endpoint: stack.sim.url,
            iamEndpoint: trapUrl,
            projectId: stack.sim.huawei.projectId,
            credentials: { kind: 'aksk', ak: stack.sim.huawei.ak, sk: stack.sim.huawei.sk },
          },
          'iamEndpoint',
        ],
      ];
      for (const [body, field] of cases) {
        const response = await call('POST', '/api/admin/accounts', admin, body);
        expect(response.status).toBe(400);
        expect(errorOf(response)).toMatchObject({ code: 'EndpointNotAllowed', field });
        expect(errorOf(response)?.message).toContain(field);
      }
      // A field the route does not take is refused by name, not ignored.
      const extra = await call('POST', '/api/admin/accounts', admin, saeBody('sae-trap', { url: trapUrl }));
      expect(extra.status).toBe(400);
      expect(errorOf(extra)?.field).toBe('url');
      expect(hits).toEqual([]);
      const ids = ((await call('GET', '/api/admin/accounts', admin)).json as AccountAdminView).accounts.map(
        (a) => a.id,
      );
      expect(ids.filter((id) => id.endsWith('-trap'))).toEqual([]);
    } finally {
      await new Promise((resolve) => trap.close(resolve));
    }
  });

  it('refuses bad input with 4xx that name the problem', async () => {
    const cases: [unknown, number, string | undefined][] = [
      [{ ...saeBody('Bad_Id') }, 400, 'id'],
      [{ ...saeBody('sae-x'), product: 'ec2' }, 400, 'product'],
      [
        { ...saeBody('sae-x'), credentials: { kind: 'accessKey', accessKeyId: 'LTAI', accessKeySecret: '' } },
        400,
        'credentials.accessKeySecret',
      ],
      [{ ...saeBody('sae-x'), credentials: { kind: 'aksk', ak: 'a', sk: 'b' } }, 400, 'credentials.kind'],
      [{ ...saeBody('sae-x'), name: '   ' }, 400, 'name'],
      [saeBody('sae-demo'), 409, 'id'],
      [saeBody('sae-added'), 409, 'id'],
    ];
    for (const [body, status, field] of cases) {
      const response = await call('POST', '/api/admin/accounts', admin, body);
      expect(`${response.status} ${errorOf(response)?.field}`).toBe(`${status} ${field}`);
      expect(errorOf(response)?.message).toBeTruthy();
    }
  });

  it('deletes a stored account after its name is typed; a configured one cannot be', async () => {
    const mismatch = await call('DELETE', '/api/admin/accounts/as-added', admin, { confirmName: 'Added' });
    expect(mismatch.status).toBe(400);
    expect(errorOf(mismatch)).toMatchObject({ code: 'ConfirmationMismatch', field: 'confirmName' });
    const configured = await call('DELETE', '/api/admin/accounts/sae-demo', admin, {
      confirmName: 'SAE (embedded cloud)',
    });
    expect(configured.status).toBe(409);
    const deleted = await call('DELETE', '/api/admin/accounts/as-added', admin, { confirmName: 'Added AS' });
    expect(deleted.status).toBe(200);
    expect(deleted.json).toEqual({ id: 'as-added', deleted: true });
    expect(((await call('GET', '/api/accounts', viewer)).json as Account[]).map((a) => a.id)).not.toContain(
      'as-added',
    );
    expect((await call('GET', '/api/accounts/as-added/applications', viewer)).status).toBe(404);
    expect(
      (await call('DELETE', '/api/admin/accounts/as-added', admin, { confirmName: 'Added AS' })).status,
    ).toBe(404);
  });

  it('audits every change with its outcome, and rotating under one key re-encrypts nothing', async () => {
    const rotated = await call('POST', '/api/admin/credentials/rotate', admin, {});
    expect(rotated.status).toBe(200);
    expect(rotated.json).toMatchObject({ reencrypted: 0, total: 1 });
    const audit = (await call('GET', '/api/audit?pageSize=200', admin)).json as AuditPage;
    const actions = audit.items.filter(
      (r) => r.action.startsWith('account-') || r.action === 'credentials-rotate',
    );
    const summary = actions.map((r) => `${r.action} ${r.accountId ?? '-'} ${r.outcome}`);
    expect(summary).toContain('account-create sae-added success');
    expect(summary).toContain('account-create as-added success');
    expect(summary).toContain('account-create sae-trap failure');
    expect(summary).toContain('account-credentials sae-added success');
    expect(summary).toContain('account-credentials sae-demo failure');
    expect(summary).toContain('account-delete as-added success');
    expect(summary).toContain('credentials-rotate - success');
    const refusedEndpoint = actions.find((r) => r.accountId === 'sae-trap');
    expect(refusedEndpoint?.detail).toContain('EndpointNotAllowed');
    expect(actions.every((r) => r.username === 'admin')).toBe(true);
  });

  it('leaves no secret in any answer, header, audit record, database row or log line', async () => {
    const secrets = [
      TEST_ALIYUN_KEY.accessKeySecret,
      WRONG_SECRET,
      stack.sim.huawei.sk,
      TEST_CREDENTIALS_KEY,
    ];
    const everyRow: string[] = [];
    const tables = await stack.bff.db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    for (const { table_name } of tables) {
      const rows = await stack.bff.db.query<{ row: string }>(`SELECT t::text AS row FROM "${table_name}" t`);
      everyRow.push(...rows.map((r) => r.row));
    }
    expect(answers.length).toBeGreaterThan(40);
    expect(logLines.length).toBeGreaterThan(40);
    expect(everyRow.join('\n')).toContain('sae-added');
    for (const [where, text] of [
      ['answers', answers.join('\n')],
      ['database', everyRow.join('\n')],
      ['logs', logLines.join('')],
    ] as const) {
      for (const secret of secrets) expect(`${where}: ${text.includes(secret)}`).toBe(`${where}: false`);
      // Answers carry at most the last four characters of an access key id.
      if (where === 'answers') expect(text.includes(TEST_ALIYUN_KEY.accessKeyId)).toBe(false);
    }
  });
});

describe('without a credentials key', () => {
  it('refuses to store credentials, naming the variable; configured accounts still work', async () => {
    const bff = await startBareBff({ accounts: [simAccount()], credentialsKey: undefined });
    running.push(bff);
    const session = await rawLogin(bff.url, 'admin', 'admin-demo-1');
    const create = await call('POST', '/api/admin/accounts', session, saeBody('sae-nokey'), bff.url);
    expect(create.status).toBe(409);
    expect(errorOf(create)?.code).toBe('CredentialsKeyMissing');
    expect(errorOf(create)?.message).toContain('CONSOLE_CREDENTIALS_KEY');
    const rotate = await call('POST', '/api/admin/credentials/rotate', session, {}, bff.url);
    expect(rotate.status).toBe(409);
    expect(errorOf(rotate)?.code).toBe('CredentialsKeyMissing');
    const view = (await call('GET', '/api/admin/accounts', session, undefined, bff.url))
      .json as AccountAdminView;
    expect(view.vault).toMatchObject({ configured: false, missingVariable: 'CONSOLE_CREDENTIALS_KEY' });
    expect(
      (await call('GET', '/api/accounts/sae-demo/applications', session, undefined, bff.url)).status,
    ).toBe(200);
  });

  it('refuses to start with a malformed key, naming the variable and not the value', async () => {
    const bad = 'c2hvcnQta2V5';
    const error = await startBareBff({ credentialsKey: bad }).catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain('CONSOLE_CREDENTIALS_KEY');
    expect((error as Error).message).not.toContain(bad);
  });
});

/** The simulator's demo SAE account, as a configuration would name it. */
function simAccount(): AccountConfig {
  return {
    id: 'sae-demo',
    name: 'SAE (embedded cloud)',
    product: 'sae',
    profile: '2022',
    regionId: 'cn-hangzhou',
    endpoint: stack.sim.url,
    embedded: true,
    ...TEST_ALIYUN_KEY,
  };
}

describe('several instances on one database, and key rotation', () => {
  it('an account added on one instance is used, replaced and removed on the other', async () => {
    const db = await openEmbeddedDatabase();
    databases.push(db);
    const config = {
      accounts: [simAccount()],
      credentialsKey: TEST_CREDENTIALS_KEY,
      storedAccountsRefreshMs: 200,
    };
    const a = await startBareBff(config, { db });
    const b = await startBareBff(config, { db });
    running.push(a, b);
    const onA = await rawLogin(a.url, 'admin', 'admin-demo-1');
    const onB = await rawLogin(b.url, 'admin', 'admin-demo-1');
    expect((await call('POST', '/api/admin/accounts', onA, saeBody('sae-shared'), a.url)).status).toBe(200);
    // B never heard of it: the first request for it looks it up in the database.
    expect((await call('GET', '/api/accounts/sae-shared/applications', onB, undefined, b.url)).status).toBe(
      200,
    );

    await call('PUT', '/api/admin/accounts/sae-shared/credentials', onA, WRONG_CREDENTIALS, a.url);
    // B's listing reloads the stored accounts; so does its short interval.
    await call('GET', '/api/accounts', onB, undefined, b.url);
    expect((await call('GET', '/api/accounts/sae-shared/applications', onB, undefined, b.url)).status).toBe(
      502,
    );

    await call('DELETE', '/api/admin/accounts/sae-shared', onA, { confirmName: 'Added sae-shared' }, a.url);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await call('GET', '/api/accounts/sae-shared/applications', onB, undefined, b.url)).status).toBe(
      404,
    );
  });

  it('rotates from the previous key: at start, and by the admin route for records written under it later', async () => {
    const db = await openEmbeddedDatabase();
    databases.push(db);
    const oldKey = randomBytes(32).toString('base64');
    const newKey = randomBytes(32).toString('base64');
    const first = await startBareBff({ accounts: [simAccount()], credentialsKey: oldKey }, { db });
    const session = await rawLogin(first.url, 'admin', 'admin-demo-1');
    expect((await call('POST', '/api/admin/accounts', session, saeBody('sae-old'), first.url)).status).toBe(
      200,
    );
    await first.stop();
    const oldRows = await db.query<{ ciphertext: string; key_id: string }>(
      'SELECT ciphertext, key_id FROM stored_accounts',
    );

    // Restarted with the new key and the old one as previous: re-encrypted at start, still usable.
    const second = await startBareBff(
      { accounts: [simAccount()], credentialsKey: newKey, credentialsKeyPrevious: oldKey },
      { db },
    );
    running.push(second);
    const admin2 = await rawLogin(second.url, 'admin', 'admin-demo-1');
    const view = (await call('GET', '/api/admin/accounts', admin2, undefined, second.url))
      .json as AccountAdminView;
    expect(view.vault.pendingRotation).toBe(0);
    expect(view.vault.previousKeyId).toBe(oldRows[0]?.key_id);
    expect(view.accounts.find((a) => a.id === 'sae-old')).toMatchObject({
      keyId: view.vault.keyId,
      usable: true,
    });
    const afterStart = await db.query<{ ciphertext: string }>('SELECT ciphertext FROM stored_accounts');
    expect(afterStart.map((r) => r.ciphertext)).not.toContain(oldRows[0]?.ciphertext);
    expect(
      (await call('GET', '/api/accounts/sae-old/applications', admin2, undefined, second.url)).status,
    ).toBe(200);

    // An instance still on the old key writes a record; the admin route re-encrypts it.
    const oldStore = new StoredAccountStore(db, new CredentialVault({ current: oldKey }));
    await db.transaction((tx) =>
      oldStore.insert(
        {
          id: 'sae-late',
          product: 'sae',
          name: 'Late',
          regionId: 'cn-hangzhou',
          endpoint: stack.sim.url,
          profile: '2022',
          credentialKind: 'accessKey',
          createdBy: 'admin',
        },
        { kind: 'accessKey', ...TEST_ALIYUN_KEY },
        tx,
      ),
    );
    const pending = (await call('GET', '/api/admin/accounts', admin2, undefined, second.url))
      .json as AccountAdminView;
    expect(pending.vault.pendingRotation).toBe(1);
    const rotated = await call('POST', '/api/admin/credentials/rotate', admin2, {}, second.url);
    expect(rotated.json).toEqual({ keyId: view.vault.keyId, reencrypted: 1, total: 2 });
    const keyIds = await db.query<{ key_id: string }>('SELECT DISTINCT key_id FROM stored_accounts');
    expect(keyIds).toEqual([{ key_id: view.vault.keyId }]);

    // The previous key is no longer needed: a start with the new key alone reads both.
    const third = await startBareBff({ accounts: [simAccount()], credentialsKey: newKey }, { db });
    running.push(third);
    const admin3 = await rawLogin(third.url, 'admin', 'admin-demo-1');
    for (const id of ['sae-old', 'sae-late']) {
      expect(
        (await call('GET', `/api/accounts/${id}/applications`, admin3, undefined, third.url)).status,
      ).toBe(200);
    }
    // A start with the old key alone reads none, and says why without a secret.
    const fourth = await startBareBff({ accounts: [simAccount()], credentialsKey: oldKey }, { db });
    running.push(fourth);
    const admin4 = await rawLogin(fourth.url, 'admin', 'admin-demo-1');
    const stale = (await call('GET', '/api/admin/accounts', admin4, undefined, fourth.url))
      .json as AccountAdminView;
    const late = stale.accounts.find((a) => a.id === 'sae-late');
    expect(late).toMatchObject({ usable: false });
    expect(late?.problem).toContain(view.vault.keyId);
    expect(
      (await call('GET', '/api/accounts/sae-late/applications', admin4, undefined, fourth.url)).status,
    ).toBe(404);
    const refused = await call('POST', '/api/admin/credentials/rotate', admin4, {}, fourth.url);
    expect(refused.status).toBe(409);
    expect(errorOf(refused)?.code).toBe('CredentialsKeyUnknown');
  });
});

describe('on PostgreSQL (DATABASE_URL), two instances with their own connections', () => {
  it('shares stored accounts; the rows hold no secret', async () => {
    const server = await startTestPostgres();
    running.push(server);
    const databaseUrl = await server.createDatabase('stored_accounts');
    const config = { accounts: [simAccount()], credentialsKey: TEST_CREDENTIALS_KEY, databaseUrl };
    const [a, b] = await Promise.all([startBareBff(config), startBareBff(config)]);
    running.push(a, b);
    const onA = await rawLogin(a.url, 'admin', 'admin-demo-1');
    const onB = await rawLogin(b.url, 'admin', 'admin-demo-1');
    expect((await call('POST', '/api/admin/accounts', onA, saeBody('sae-pg'), a.url)).status).toBe(200);
    expect((await call('GET', '/api/accounts/sae-pg/applications', onB, undefined, b.url)).status).toBe(200);
    const listed = (await call('GET', '/api/accounts', onB, undefined, b.url)).json as Account[];
    expect(listed.find((x) => x.id === 'sae-pg')?.origin).toBe('stored');
    expect((await call('POST', '/api/admin/credentials/rotate', onB, {}, b.url)).json).toMatchObject({
      reencrypted: 0,
      total: 1,
    });
    const rows = await b.db.query<{ row: string }>('SELECT t::text AS row FROM stored_accounts t');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.row).not.toContain(TEST_ALIYUN_KEY.accessKeySecret);
    expect(rows[0]?.row).not.toContain(TEST_ALIYUN_KEY.accessKeyId);
  });

  it('tells the other instance of each change as it commits, also after the server drops the listening connections', async () => {
    const server = await startTestPostgres();
    running.push(server);
    const databaseUrl = await server.createDatabase('announced');
    // No interval worth the name: only the announcement can bring A's changes to B in time.
    const config = {
      accounts: [simAccount()],
      credentialsKey: TEST_CREDENTIALS_KEY,
      databaseUrl,
      storedAccountsRefreshMs: 3_600_000,
    };
    const [a, b] = await Promise.all([startBareBff(config), startBareBff(config)]);
    running.push(a, b);
    const onA = await rawLogin(a.url, 'admin', 'admin-demo-1');
    const onB = await rawLogin(b.url, 'admin', 'admin-demo-1');
    const onBApps = () => call('GET', '/api/accounts/sae-told/applications', onB, undefined, b.url);
    /** B's answer once it differs from `before`, within 3 s (announcements take milliseconds). */
    const changed = async (before: number) => {
      const until = Date.now() + 3_000;
      let status = before;
      while (status === before && Date.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        status = (await onBApps()).status;
      }
      return status;
    };

    /** A adds the account (B uses it at once, a cache miss), then gives it a wrong secret. */
    const addOnA = async () => {
      expect((await call('POST', '/api/admin/accounts', onA, saeBody('sae-told'), a.url)).status).toBe(200);
      expect((await onBApps()).status).toBe(200);
    };
    const replaceOnA = () =>
      call('PUT', '/api/admin/accounts/sae-told/credentials', onA, WRONG_CREDENTIALS, a.url);

    await addOnA();
    const replaced = await replaceOnA();
    expect(replaced.status).toBe(200);
    // B signs with the replaced secret now, without listing accounts or waiting for its interval.
    expect(await changed(200)).toBe(502);
    expect(
      (await call('DELETE', '/api/admin/accounts/sae-told', onA, { confirmName: 'Added sae-told' }, a.url))
        .status,
    ).toBe(200);
    expect(await changed(502)).toBe(404);

    // The server drops the listening connections: each instance connects again and hears the next change.
    const listeners = `FROM pg_stat_activity WHERE query = 'LISTEN console_stored_accounts'`;
    const count = async () =>
      (await a.db.query<{ n: number }>(`SELECT count(*)::int AS n ${listeners}`))[0]?.n;
    expect(await count()).toBe(2);
    await a.db.query(`SELECT pg_terminate_backend(pid) ${listeners}`);
    const until = Date.now() + 5_000;
    while ((await count()) !== 2 && Date.now() < until)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await count()).toBe(2);
    await addOnA();
    await replaceOnA();
    expect(await changed(200)).toBe(502);
  });
});
