import { quietFabricClient } from '../../src/cli/client-noise';
import { testStack } from '../../src/stack/stack-config';

// Imported before fabric-network (which reads HFC_LOGGING when it loads): the refusals these tests
// provoke on purpose go to the stack's logs/fabric-client.log, not into the test output.
quietFabricClient(testStack().home);
