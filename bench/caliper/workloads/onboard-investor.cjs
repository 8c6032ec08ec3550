'use strict';

// Investor onboarding by a bank's compliance officer, a fresh investor id each time, in the two
// transactions every client sends: InvestorContract StageInvestorPii with the PII (with a random
// salt) in the transient map under "pii", endorsed by the bank's own peer alone (it writes only
// the bank's implicit private collection, so no other bank's peer receives the PII), then
// OnboardInvestor with the public record and the hash the first answered, endorsed by the
// bank's own peer and one other bank's (endorsingOrganizations). Both go through
// endorsing-organizations.cjs (targetOrganizations); Caliper counts each as a transaction, so a
// round of N transactions onboards N/2 investors. Arguments: invoker {mspId, identity},
// endorsingOrganizations, runTag.

const crypto = require('crypto');
const { WorkloadModuleBase } = require('@hyperledger/caliper-core');
const { endorseByTargetOrganizations } = require('./endorsing-organizations.cjs');

const DAY = 86400;

/** The PII hash a successful StageInvestorPii answered (Caliper's TxStatus result), or undefined when it failed (Caliper has counted the failure). */
function stagedHashOf(status) {
    const single = Array.isArray(status) ? status[0] : status;
    if (!single || single.GetStatus() !== 'success') {
        return undefined;
    }
    const hash = Buffer.from(single.GetResult() || []).toString('utf8');
    return /^[0-9a-f]{64}$/.test(hash) ? hash : undefined;
}

class OnboardInvestorWorkload extends WorkloadModuleBase {
    async initializeWorkloadModule(workerIndex, totalWorkers, roundIndex, roundArguments, sutAdapter, sutContext) {
        await super.initializeWorkloadModule(workerIndex, totalWorkers, roundIndex, roundArguments, sutAdapter, sutContext);
        endorseByTargetOrganizations(sutAdapter);
        this.next = 0;
    }

    async submitTransaction() {
        const { invoker, endorsingOrganizations, runTag } = this.roundArguments;
        this.next += 1;
        const investorId = `INV-BENCH-${runTag}-R${this.roundIndex}-W${this.workerIndex}-${this.next}`;
        const now = Math.floor(Date.now() / 1000);
        const record = {
            investorId,
            jurisdiction: 'CH',
            investorType: 'professional',
            kycLevel: 'standard',
            kycExpiresAt: now + 730 * DAY,
            sanctions: { status: 'clear', listVersion: '2024-01-31', screenedAt: now - DAY },
        };
        const pii = {
            fullName: `Bench Investor ${this.next}`,
            birthDate: '1980-05-17',
            address: { lines: ['Bahnhofstrasse 1'], postalCode: '8001', city: 'Zürich', country: 'CH' },
            documents: [{ type: 'passport', reference: `B${runTag}${this.next}`, issuingCountry: 'CH' }],
            salt: crypto.randomBytes(16).toString('hex'),
        };
        const invokedBy = { contractId: 'trestle', invokerMspId: invoker.mspId, invokerIdentity: invoker.identity };
        const staged = await this.sutAdapter.sendRequests({
            ...invokedBy,
            contractFunction: 'InvestorContract:StageInvestorPii',
            contractArguments: [investorId],
            transientMap: { pii: JSON.stringify(pii) },
            targetOrganizations: [invoker.mspId],
        });
        const piiHash = stagedHashOf(staged);
        if (piiHash === undefined) {
            return;
        }
        await this.sutAdapter.sendRequests({
            ...invokedBy,
            contractFunction: 'InvestorContract:OnboardInvestor',
            contractArguments: [JSON.stringify(record), piiHash],
            targetOrganizations: endorsingOrganizations,
        });
    }
}

module.exports.createWorkloadModule = () => new OnboardInvestorWorkload();
