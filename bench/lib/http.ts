/** A small JSON client that keeps the session cookie, as the web app does. */
export class Client {
  cookie: string | undefined;
  constructor(readonly baseUrl: string) {}

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
    signal?: AbortSignal,
  ) {
    const init: RequestInit = { method, headers: { ...headers }, ...(signal ? { signal } : {}) };
    if (this.cookie) (init.headers as Record<string, string>).cookie = this.cookie;
    if (body !== undefined) {
      (init.headers as Record<string, string>)['content-type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const res = await fetch(this.baseUrl + path, init);
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('qk_session='));
    if (setCookie) this.cookie = setCookie.split(';')[0];
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  /** GET that must answer 200: a benchmark of error pages would measure nothing. */
  async getOk<T = unknown>(path: string): Promise<T> {
    const res = await this.request<T>('GET', path);
    if (res.status !== 200)
      throw new Error(`GET ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  }
}

export const BENCH_PASSWORD = 'bench1234';

export const login = async (baseUrl: string, username: string, password = BENCH_PASSWORD) => {
  const client = new Client(baseUrl);
  const res = await client.request('POST', '/api/v1/auth/login', { username, password });
  if (res.status !== 200) throw new Error(`login as ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return client;
};
