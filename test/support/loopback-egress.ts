/**
 * The fakes tests run (platform APIs, feeds, webhook receivers) listen on loopback, which the
 * egress guard refuses by default. Tests allow it here, in one place, rather than weakening the
 * guard; specs of the guard itself configure it their own way.
 */
export const LOOPBACK_NETWORKS = '127.0.0.1/32,::1/128';
