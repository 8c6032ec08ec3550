import { quietFabricClient } from '../../src/cli/client-noise';
import { testStack } from '../../src/stack/stack-config';

// Imported first by this suite, before fabric-network loads: the refusals it expects are logged to
// the stack's logs/fabric-client.log, as the CLI's are, not as a stack trace each on the console.
quietFabricClient(testStack().home);
