import { TwitterApi } from 'twitter-api-v2';
import type { ITwitterApiBeforeRequestConfigHookArgs, ITwitterApiClientPlugin } from 'twitter-api-v2';
import { X_API_BASE_URL, createXUserClient } from '../connectors/x';
import { EgressHttpsAgent } from '../egress';

/**
 * Who posts: X refuses app-only bearer tokens on POST /2/tweets. OAuth 1.0a user tokens do not
 * expire; an OAuth 2.0 user access token lives two hours unless someone refreshes it.
 */
export type XUserCredentials =
  | { kind: 'oauth1'; appKey: string; appSecret: string; accessToken: string; accessSecret: string }
  | { kind: 'oauth2'; userAccessToken: string };

export interface XUserClientOptions {
  credentials: XUserCredentials;
  /** Where the X API answers (the source's `apiUrl` setting); tests point it at a local server. */
  baseUrl?: string;
  /** Sockets and TLS trust (twitter-api-v2 speaks only HTTPS: tests trust a local CA). */
  agent?: EgressHttpsAgent;
}

/** A client that acts as the brand's account, for the X connector's reply sender. */
export function createXReplyClient(options: XUserClientOptions): TwitterApi {
  const { credentials, baseUrl, agent } = options;
  if (credentials.kind === 'oauth2') {
    return createXUserClient(credentials.userAccessToken, {
      ...(baseUrl !== undefined && { baseUrl }),
      ...(agent !== undefined && { agent }),
    });
  }
  const { appKey, appSecret, accessToken, accessSecret } = credentials;
  const origin = (baseUrl ?? X_API_BASE_URL).replace(/\/+$/, '');
  return new TwitterApi(
    { appKey, appSecret, accessToken, accessSecret },
    {
      plugins: origin === X_API_BASE_URL ? [] : [baseUrlPlugin(origin)],
      httpAgent: agent ?? new EgressHttpsAgent(),
    },
  );
}

/** twitter-api-v2 writes every endpoint under this origin; it has no setting to change it. */
const LIBRARY_ORIGIN = 'https://api.x.com/';

/**
 * The X connector's base-URL rewrite (x-client.ts builds only bearer-token clients). It runs
 * before the library signs the request, so the OAuth 1.0a signature covers the URL really called.
 */
function baseUrlPlugin(origin: string): ITwitterApiClientPlugin {
  return {
    onBeforeRequestConfig: ({ params }: ITwitterApiBeforeRequestConfigHookArgs): void => {
      if (params.url.startsWith(LIBRARY_ORIGIN)) params.url = `${origin}/${params.url.slice(LIBRARY_ORIGIN.length)}`;
    },
  };
}
