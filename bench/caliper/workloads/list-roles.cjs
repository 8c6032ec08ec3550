'use strict';

// Read-heavy round: RoleContract ListRoles (every role grant of the channel, sorted) evaluated by
// one peer, as a bank's admin; nothing is ordered. Arguments: invoker {mspId, identity}.

const { WorkloadModuleBase } = require('@hyperledger/caliper-core');

class ListRolesWorkload extends WorkloadModuleBase {
    async submitTransaction() {
        const { invoker } = this.roundArguments;
        await this.sutAdapter.sendRequests({
            contractId: 'trestle',
            contractFunction: 'RoleContract:ListRoles',
            contractArguments: [],
            invokerMspId: invoker.mspId,
            invokerIdentity: invoker.identity,
            readOnly: true,
        });
    }
}

module.exports.createWorkloadModule = () => new ListRolesWorkload();
