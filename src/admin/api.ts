import type { ApiErrorBody } from '../contract/errors.js';
import type { SessionInfo } from '../contract/admin.js';

export type { BoardModeration, FeedIssue, FeedReport, ModeratedQuestion, ModerationAction, PollSummary, PresentData, SessionInfo } from '../contract/admin.js';

/** An error answer of the server, with its `code` (`unauthorized`, `rate-limited`…). */
export class AdminApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The admin HTTP API, as the console's page calls it: same origin, the session cookie, and the CSRF token on changes. */
export class AdminApi {
  csrf = '';

  async get<T>(path: string): Promise<T> {
    return this.call<T>(path, { method: 'GET' });
  }

  async post<T>(path: string, body?: unknown): Promise<T> {
    return this.call<T>(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': this.csrf },
      body: JSON.stringify(body ?? {}),
    });
  }

  async session(): Promise<SessionInfo | undefined> {
    try {
      const session = await this.get<SessionInfo>('/api/admin/session');
      this.csrf = session.csrf;
      return session;
    } catch (error) {
      if (error instanceof AdminApiError && error.status === 401) return undefined;
      throw error;
    }
  }

  async signIn(token: string): Promise<SessionInfo> {
    const session = await this.post<SessionInfo>('/api/admin/session', { token });
    this.csrf = session.csrf;
    return session;
  }

  async signOut(): Promise<void> {
    await this.post('/api/admin/session/sign-out');
    this.csrf = '';
  }

  private async call<T>(path: string, init: RequestInit): Promise<T> {
    const res = await fetch(path, { ...init, credentials: 'same-origin', cache: 'no-store' });
    const body = (await res.json().catch(() => undefined)) as (T & Partial<ApiErrorBody>) | undefined;
    if (!res.ok) throw new AdminApiError(res.status, body?.error?.code ?? 'internal-error', body?.error?.message ?? res.statusText);
    return body as T;
  }
}
