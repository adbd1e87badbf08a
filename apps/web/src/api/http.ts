export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Calls the API. The session cookie rides along by itself; a kiosk screen passes its token,
 * which goes in the Authorization header (never in a URL the server logs). Extra headers (an
 * Idempotency-Key, say) go in `headers`.
 */
export async function apiFetch<T>(
  path: string,
  options: { method?: string; body?: unknown; token?: string; headers?: Record<string, string> } = {},
): Promise<T> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers['Authorization'] = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`/api${path}`, {
    method: options.method ?? 'GET',
    headers,
    credentials: 'same-origin',
    ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => null)) as { message?: unknown; problems?: unknown } | null;
    const summary = typeof problem?.message === 'string' ? problem.message : `HTTP ${response.status}`;
    // Validation answers list each bad field: show them, not just "Invalid request".
    const details = Array.isArray(problem?.problems) ? problem.problems.filter((item) => typeof item === 'string') : [];
    const message = details.length > 0 ? `${summary}: ${details.join('; ')}` : summary;
    throw new ApiError(response.status, message);
  }
  return response.status === 204 ? (undefined as T) : ((await response.json()) as T);
}
