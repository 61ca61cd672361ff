// The RPC dialects one endpoint speaks (API-1): ECS (2014-05-26, the default, as before),
// the Cloud Marketplace (2015-11-01, issue 18) and Auto Scaling (ESS, 2014-08-28, MKT-9). The version a request signs picks the
// action table; signatures, nonces, throttling, audit and errors are the same for both.
import { actions, readActions, type Handler } from './actions';
import { essActions, essReadActions } from './ess-actions';
import { marketActions, marketReadActions } from './market-actions';

export type Dialect = { actions: ReadonlyMap<string, Handler>; reads: ReadonlySet<string> };

export const MARKET_VERSION = '2015-11-01';
export const ESS_VERSION = '2014-08-28';

const ecs: Dialect = { actions, reads: readActions };
const market: Dialect = { actions: marketActions, reads: marketReadActions };
const ess: Dialect = { actions: essActions, reads: essReadActions };

export const dialectOf = (version: string): Dialect => (version === MARKET_VERSION ? market : version === ESS_VERSION ? ess : ecs);
