import { createHash, randomBytes } from 'node:crypto';
import type { SimClock } from '../clock';
import { reported } from '../reported-time';
import type { HuaweiAccount } from './index';

/** Tokens last 24 hours (both seeds), counted on the simulated clock so tests can step past it. */
export const TOKEN_TTL_MS = 24 * 3_600_000;

export interface IamRef {
  id: string;
  name: string;
}

export interface IssuedToken {
  token: string;
  /** Simulated ms epoch. */
  issuedAt: number;
  expiresAt: number;
  methods: string[];
  user: IamRef & { domain: IamRef };
  /** Present for a project-scoped token, the only kind AOS and AS accept. */
  project?: IamRef & { domain: IamRef };
  /** Present for a domain-scoped token. */
  domain?: IamRef;
}

/** What IAM answers: status, extra headers and a JSON body. */
export interface IamAnswer {
  status: number;
  headers?: Record<string, string>;
  body: unknown;
  /** The API's name for the call log, as the official SDK's IAM client names it. */
  api: string;
  code?: string;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
};

/** IAM (Keystone) errors: `{"error": {"code": 401, "message": "…", "title": "Unauthorized"}}`. */
export function iamError(status: number, message: string, api: string): IamAnswer {
  return {
    status,
    body: { error: { code: status, message, title: TITLES[status] ?? 'Error' } },
    api,
    code: String(status),
  };
}

export const IAM_MESSAGES = {
  wrongPassword: 'The username or password is wrong.',
  requiresAuthentication: 'The request you have made requires authentication.',
  invalidBody:
    'The server could not comply with the request since it is either malformed or otherwise incorrect.',
  notFound: 'The resource could not be found.',
} as const;

/** A stable 32-hex id for a name, the way IAM ids look. */
function idFor(kind: string, name: string): string {
  return createHash('sha256').update(`cloudsim-huawei-${kind}:${name}`).digest('hex').slice(0, 32);
}

/** IAM's timestamps: ISO 8601 with microseconds, `2019-02-13T06:52:13.855000Z` (in reported time). */
export function iamTime(ms: number): string {
  return new Date(reported(ms)).toISOString().replace(/Z$/, '000Z');
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/**
 * Huawei Cloud IAM for the one simulated account: password tokens (`POST /v3/auth/tokens`), token
 * validation (`GET /v3/auth/tokens`) and the project list (`GET /v3/projects`).
 */
export class HuaweiIam {
  private readonly tokens = new Map<string, IssuedToken>();
  readonly domain: IamRef;
  readonly user: IamRef;
  readonly project: IamRef;

  constructor(
    private readonly account: HuaweiAccount,
    private readonly clock: SimClock,
  ) {
    this.domain = { id: idFor('domain', account.domain), name: account.domain };
    this.user = { id: idFor('user', `${account.domain}/${account.user}`), name: account.user };
    this.project = { id: account.projectId, name: account.region };
  }

  /** A token IAM issued that has not expired on the simulated clock. */
  lookup(token: string | undefined): IssuedToken | undefined {
    if (!token) return undefined;
    const found = this.tokens.get(token);
    if (!found) return undefined;
    if (found.expiresAt <= this.clock.now()) {
      this.tokens.delete(token);
      return undefined;
    }
    return found;
  }

  /** `POST /v3/auth/tokens`, password identity, scoped to a project (by name or id) or the domain. */
  createToken(raw: Buffer, query: URLSearchParams, baseUrl: string): IamAnswer {
    const api = 'KeystoneCreateUserTokenByPassword';
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw.toString('utf8'));
    } catch {
      return iamError(400, IAM_MESSAGES.invalidBody, api);
    }
    const auth = isObject(parsed) && isObject(parsed.auth) ? parsed.auth : undefined;
    const identity = auth && isObject(auth.identity) ? auth.identity : undefined;
    const methods = identity?.methods;
    if (!identity || !Array.isArray(methods) || !methods.every((m) => typeof m === 'string')) {
      return iamError(400, `Expecting to find identity.methods in auth. ${IAM_MESSAGES.invalidBody}`, api);
    }
    if (!methods.includes('password') || !isObject(identity.password)) {
      return iamError(400, 'Only the password method is supported by this IAM.', api);
    }
    const user = isObject(identity.password.user) ? identity.password.user : undefined;
    const domain = user && isObject(user.domain) ? user.domain : undefined;
    if (!user || !text(user.password) || (!text(user.name) && !text(user.id))) {
      return iamError(400, `Expecting to find user name and password. ${IAM_MESSAGES.invalidBody}`, api);
    }
    const userMatches = user.id !== undefined ? user.id === this.user.id : user.name === this.account.user;
    // A user given by id needs no domain; by name it is unique only within its domain.
    const domainMatches =
      user.id !== undefined ||
      (domain !== undefined &&
        (domain.id !== undefined ? domain.id === this.domain.id : domain.name === this.account.domain));
    if (!userMatches || !domainMatches || user.password !== this.account.password) {
      return iamError(401, IAM_MESSAGES.wrongPassword, api);
    }

    const now = this.clock.now();
    const token: IssuedToken = {
      token: `MII${randomBytes(192).toString('base64')}`,
      issuedAt: now,
      expiresAt: now + TOKEN_TTL_MS,
      methods: ['password'],
      user: { ...this.user, domain: this.domain },
    };
    const scope = auth && isObject(auth.scope) ? auth.scope : undefined;
    if (scope && isObject(scope.project)) {
      const project = scope.project;
      const matches =
        project.id !== undefined
          ? project.id === this.project.id
          : project.name === this.project.name &&
            (!isObject(project.domain) ||
              (project.domain.id !== undefined
                ? project.domain.id === this.domain.id
                : project.domain.name === this.account.domain));
      if (!matches) return iamError(401, IAM_MESSAGES.requiresAuthentication, api);
      token.project = { ...this.project, domain: this.domain };
    } else if (scope && isObject(scope.domain)) {
      const d = scope.domain;
      if (d.id !== undefined ? d.id !== this.domain.id : d.name !== this.account.domain) {
        return iamError(401, IAM_MESSAGES.requiresAuthentication, api);
      }
      token.domain = this.domain;
    } else if (scope) {
      return iamError(400, `Expecting to find project or domain in scope. ${IAM_MESSAGES.invalidBody}`, api);
    }

    for (const [key, held] of this.tokens) if (held.expiresAt <= now) this.tokens.delete(key);
    this.tokens.set(token.token, token);
    return {
      status: 201,
      headers: { 'X-Subject-Token': token.token },
      body: this.tokenBody(token, baseUrl, query.get('nocatalog') === 'true'),
      api,
    };
  }

  /** `GET /v3/auth/tokens`: the token in X-Subject-Token, checked by a caller already authenticated. */
  validateToken(subject: string | undefined, query: URLSearchParams, baseUrl: string): IamAnswer {
    const api = 'KeystoneValidateToken';
    const token = this.lookup(subject);
    if (!token) return iamError(404, 'Could not find token.', api);
    return {
      status: 200,
      headers: { 'X-Subject-Token': token.token },
      body: this.tokenBody(token, baseUrl, query.get('nocatalog') === 'true'),
      api,
    };
  }

  /** `GET /v3/projects`, filtered by `name`, `domain_id`, `id`, `enabled` as IAM does. */
  listProjects(query: URLSearchParams, baseUrl: string): IamAnswer {
    const project = {
      id: this.project.id,
      name: this.project.name,
      domain_id: this.domain.id,
      parent_id: this.domain.id,
      description: '',
      enabled: true,
      is_domain: false,
      links: { self: `${baseUrl}/v3/projects/${this.project.id}` },
    };
    const wanted = (name: string, value: string) => !query.has(name) || query.get(name) === value;
    const matches =
      wanted('name', project.name) &&
      wanted('domain_id', project.domain_id) &&
      wanted('parent_id', project.parent_id) &&
      wanted('id', project.id) &&
      wanted('enabled', 'true') &&
      wanted('is_domain', 'false');
    return {
      status: 200,
      body: {
        links: { self: `${baseUrl}/v3/projects`, previous: null, next: null },
        projects: matches ? [project] : [],
      },
      api: 'KeystoneListProjects',
    };
  }

  private tokenBody(token: IssuedToken, baseUrl: string, noCatalog: boolean) {
    const body: Record<string, unknown> = {
      expires_at: iamTime(token.expiresAt),
      issued_at: iamTime(token.issuedAt),
      methods: token.methods,
      user: { ...token.user, password_expires_at: '' },
    };
    if (token.project) body.project = token.project;
    if (token.domain) body.domain = token.domain;
    if (token.project) body.roles = [{ id: idFor('role', 'te_admin'), name: 'te_admin' }];
    if (!noCatalog) body.catalog = this.catalog(baseUrl);
    return { token: body };
  }

  /** The simulator serves every product itself, so each catalogue entry points back at it. */
  private catalog(baseUrl: string) {
    const region = this.project.name;
    const entry = (type: string, name: string, url: string, regionId = region) => ({
      type,
      name,
      id: idFor('service', name),
      endpoints: [
        {
          id: idFor('endpoint', name),
          interface: 'public',
          region: regionId,
          region_id: regionId,
          url,
        },
      ],
    });
    return [
      entry('identity', 'iam', `${baseUrl}/v3`, '*'),
      entry('aos', 'aos', baseUrl),
      entry('as', 'as', `${baseUrl}/autoscaling-api/v1/${this.project.id}`),
    ];
  }
}
