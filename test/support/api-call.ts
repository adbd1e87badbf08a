export interface ApiAnswer<T> {
  status: number;
  body: T;
}

/**
 * `call(who, method, path, body?)` against a test system's `/api` with JSON in and out, as the
 * person `who` (a name in `tokens`, or a raw token). `apiUrl` is read at each call: the system
 * starts after the spec declares its helpers.
 */
export function apiCaller(apiUrl: () => string, tokens: Readonly<Record<string, string>>) {
  return async function call<T>(who: string, method: string, path: string, body?: unknown): Promise<ApiAnswer<T>> {
    const response = await fetch(`${apiUrl()}/api${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${tokens[who] ?? who}` },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: (text === '' ? undefined : JSON.parse(text)) as T };
  };
}
