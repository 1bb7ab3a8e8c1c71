export interface ConsoleResponse<T = unknown> {
  status: number;
  body: T;
}

/** A signed-in browser-less client of the console API: cookie and CSRF token handled. */
export class ConsoleClient {
  private cookie = '';
  private csrf = '';

  constructor(private readonly baseUrl: string) {}

  static async login(baseUrl: string, username: string, password: string): Promise<ConsoleClient> {
    const client = new ConsoleClient(baseUrl);
    const response = await client.request('POST', '/api/session', { username, password });
    if (response.status !== 200)
      throw new Error(`login ${username} failed: ${JSON.stringify(response.body)}`);
    return client;
  }

  get csrfToken(): string {
    return this.csrf;
  }

  /** The session cookie (`name=value`), for requests made by other means (an event stream). */
  get sessionCookie(): string {
    return this.cookie;
  }

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    options: { csrf?: boolean; headers?: Record<string, string> } = {},
  ): Promise<ConsoleResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookie) headers.cookie = this.cookie;
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET' && options.csrf !== false && this.csrf) headers['x-csrf-token'] = this.csrf;
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0] ?? '';
    const text = await response.text();
    const parsed = text ? (JSON.parse(text) as T & { csrfToken?: string }) : (undefined as T);
    if (
      parsed &&
      typeof parsed === 'object' &&
      'csrfToken' in parsed &&
      typeof parsed.csrfToken === 'string'
    ) {
      this.csrf = parsed.csrfToken;
    }
    return { status: response.status, body: parsed as T };
  }

  get<T = unknown>(path: string) {
    return this.request<T>('GET', path);
  }

  post<T = unknown>(path: string, body: unknown = {}) {
    return this.request<T>('POST', path, body);
  }
}
