'use strict';

// Compliant transfer: TransferContract RequestTransfer by an operator of the sender's bank (rules
// evaluated, PENDING), ApproveTransfer by a compliance officer of the sender's bank, then by one
// of the receiver's bank, whose approval settles it (rules evaluated again, holdings moved).
// Three transactions, each signed by its own identity and each awaited to commit before the next.
//
// The rules read every holding of the asset (its holder count) and settlement rewrites two of
// them, so two transfers of one asset in flight at once have the later one invalidated (MVCC read
// conflict). Each lane (an asset of its own, a sender and a receiver) carries one transfer at a
// time and a call waits for a free lane: at saturation the lanes bound the throughput. Caliper
// waits at the end of a round only for transactions already sent, but a waiting call sends when a
// lane frees, so calls still waiting when the round's time is up give their lane back unsent
// (without this, a saturation round ran 31 s instead of 12).
// Arguments: roundSeconds, amount, lanes [{assetId, from, to, requester, approvers: [sender's bank's, receiver's]}]
// (each identity {mspId, identity}), runTag.

const { WorkloadModuleBase } = require('@hyperledger/caliper-core');

class CompliantTransferWorkload extends WorkloadModuleBase {
    async initializeWorkloadModule(workerIndex, totalWorkers, roundIndex, roundArguments, sutAdapter, sutContext) {
        await super.initializeWorkloadModule(workerIndex, totalWorkers, roundIndex, roundArguments, sutAdapter, sutContext);
        // Workers split the lanes, so no two workers ever move the same holding.
        this.freeLanes = roundArguments.lanes.filter((lane, index) => index % totalWorkers === workerIndex);
        if (this.freeLanes.length === 0) {
            throw new Error(`worker ${workerIndex} of ${totalWorkers} has no transfer lane: give at least one lane per worker`);
        }
        this.waiting = [];
        this.next = 0;
        this.deadline = undefined;
    }

    async submitTransaction() {
        if (this.deadline === undefined) {
            this.deadline = Date.now() + this.roundArguments.roundSeconds * 1000;
        }
        const lane = await this.takeLane();
        if (Date.now() >= this.deadline) {
            this.releaseLane(lane);
            return;
        }
        try {
            await this.transfer(lane);
        } finally {
            this.releaseLane(lane);
        }
    }

    async transfer(lane) {
        const { amount, runTag } = this.roundArguments;
        this.next += 1;
        const transferId = `T-BENCH-${runTag}-R${this.roundIndex}-W${this.workerIndex}-${this.next}`;
        const request = { transferId, assetId: lane.assetId, fromInvestorId: lane.from, toInvestorId: lane.to, amount };
        const requested = await this.send(lane.requester, 'TransferContract:RequestTransfer', [JSON.stringify(request)]);
        if (!requested.IsCommitted()) {
            return;
        }
        for (const officer of lane.approvers) {
            const approved = await this.send(officer, 'TransferContract:ApproveTransfer', [transferId, '']);
            if (!approved.IsCommitted()) {
                return;
            }
        }
    }

    send(invoker, contractFunction, contractArguments) {
        return this.sutAdapter.sendRequests({ contractId: 'trestle', contractFunction, contractArguments, invokerMspId: invoker.mspId, invokerIdentity: invoker.identity });
    }

    takeLane() {
        const lane = this.freeLanes.shift();
        return lane ? Promise.resolve(lane) : new Promise((resolve) => this.waiting.push(resolve));
    }

    releaseLane(lane) {
        const waiter = this.waiting.shift();
        if (waiter) {
            waiter(lane);
        } else {
            this.freeLanes.push(lane);
        }
    }
}

module.exports.createWorkloadModule = () => new CompliantTransferWorkload();
