import path from 'node:path';
import { quietFabricClient } from '@trestle/network/src/cli/client-noise';
import { REPO_ROOT } from '@trestle/network/src/stack/stack-config';

/** The bench's own stack, so it never touches a developer's (27000) or the tests' (28000). */
export const BENCH_HOME = path.join(REPO_ROOT, '.trestle-bench');
export const BENCH_PORT_BASE = '32000';

// Imported first by the bench, before anything loads fabric-network: the validators' failed
// endorsements (read conflicts they retry) go to the stack's logs/fabric-client.log, not the console.
quietFabricClient(process.env.TRESTLE_HOME ?? BENCH_HOME);
