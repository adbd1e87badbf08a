/** What GET /api/auth/me answers, as the web app uses it. */
export type WebPrincipal =
  | { kind: 'user'; userId: string; email: string; displayName: string; role: string; permissions: string[] }
  | { kind: 'kiosk'; kioskId: string; name: string; expiresAt: string; permissions: string[] };
