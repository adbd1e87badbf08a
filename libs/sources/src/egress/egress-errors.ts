/** The setting that widens what the egress guard lets through; named in every refusal. */
export const ALLOW_NETWORKS_SETTING = 'EGRESS_ALLOW_NETWORKS';
/** The setting that bounds how much of a remote answer is read. */
export const MAX_BODY_SETTING = 'EGRESS_MAX_BODY_BYTES';

/**
 * An outbound request the egress guard would not make: the address is on a private, loopback,
 * link-local, metadata or otherwise non-public network, the URL is not http(s), or the redirects
 * went too far. Not retryable: a person has to change the URL (or the allow-list).
 */
export class EgressRefusedError extends Error {
  override readonly name = 'EgressRefusedError';

  constructor(
    /** The URL asked for, without credentials or query (it may carry secrets). */
    readonly url: string,
    message: string,
    /** The address the host resolved to, when the refusal is about where it points. */
    readonly address?: string,
  ) {
    super(message);
  }
}

/** A remote answer grew past the limit while it was read (counted after decompression). */
export class RemoteBodyTooLargeError extends Error {
  override readonly name = 'RemoteBodyTooLargeError';

  constructor(
    readonly url: string,
    readonly limitBytes: number,
  ) {
    super(
      `${url} sent more than ${limitBytes} bytes (after decompression): the answer was cut off; ` +
        `raise ${MAX_BODY_SETTING} if this source really sends that much`,
    );
  }
}

/** Origin and path only: queries and user info may carry tokens, and errors end up in logs and health. */
export function describeUrl(url: string | URL): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return 'an invalid URL';
  }
}
