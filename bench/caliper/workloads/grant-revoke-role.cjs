'use strict';

// Plain write baseline on the real network: the chaincode has no plain balance move (the
// in-process bench's lives in test/bench/chaincode/plain-move-baseline.ts), so the cheapest
// existing writes stand in: RoleContract GrantRole of a role to a fresh identity id of the bank,
// then RevokeRole of it, by the bank's admin. Each is one key written (or deleted) plus one event,
// with no rules engine; the pair leaves the ledger's role list as it was. Two transactions per
// operation. Arguments: invoker {mspId, identity}, issuer (the bank's CA DN), runTag.

const { WorkloadModuleBase } = require('@hyperledger/caliper-core');

const ROLE = 'appraiser';

class GrantRevokeRoleWorkload extends WorkloadModuleBase {
    async initializeWorkloadModule(workerIndex, totalWorkers, roundIndex, roundArguments, sutAdapter, sutContext) {
        await super.initializeWorkloadModule(workerIndex, totalWorkers, roundIndex, roundArguments, sutAdapter, sutContext);
        this.next = 0;
    }

    async submitTransaction() {
        const { invoker, issuer, runTag } = this.roundArguments;
        this.next += 1;
        const identityId = `x509::/OU=client/CN=bench-${runTag}-r${this.roundIndex}-w${this.workerIndex}-${this.next}::${issuer}`;
        const request = (contractFunction) => ({
            contractId: 'trestle',
            contractFunction,
            contractArguments: [identityId, ROLE],
            invokerMspId: invoker.mspId,
            invokerIdentity: invoker.identity,
        });
        const granted = await this.sutAdapter.sendRequests(request('RoleContract:GrantRole'));
        if (granted.IsCommitted()) {
            await this.sutAdapter.sendRequests(request('RoleContract:RevokeRole'));
        }
    }
}

module.exports.createWorkloadModule = () => new GrantRevokeRoleWorkload();
