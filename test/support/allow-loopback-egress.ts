import { DEFAULT_MAX_BODY_BYTES, configureEgress } from '../../libs/sources/src/egress/egress-guard';
import { LOOPBACK_NETWORKS } from './loopback-egress';

// Run before every integration spec file (jest `setupFiles`): in-process connectors and senders reach the fakes.
configureEgress({ allowNetworks: LOOPBACK_NETWORKS.split(','), maxBodyBytes: DEFAULT_MAX_BODY_BYTES });
