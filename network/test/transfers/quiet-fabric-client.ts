import { quietFabricClient } from '../../src/cli/client-noise';
import { testStack } from '../../src/stack/stack-config';

// Imported first by the suites here, before anything loads fabric-network: failed endorsements (the
// refusals these tests expect) go to the stack's logs/fabric-client.log, as they do for the CLI,
// instead of a stack trace each on the test's console.
quietFabricClient(testStack().home);
