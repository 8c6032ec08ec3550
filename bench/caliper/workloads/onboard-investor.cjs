'use strict';

// Investor onboarding: InvestorContract OnboardInvestor by a bank's compliance officer, a fresh
// investor id per transaction, the public record as the argument and the PII (with a random salt)
// in the transient map under "pii". The PII goes to the bank's implicit private collection, so
// the transaction is endorsed by the bank's own peer and one other bank's (targetOrganizations,
// honoured by endorsing-organizations.cjs). Arguments: invoker {mspId, identity},
// endorsingOrganizations, runTag.

const crypto = require('crypto');
const { WorkloadModuleBase } = require('@hyperledger/caliper-core');
const { endorseByTargetOrganizations } = require('./endorsing-organizations.cjs');

const DAY = 86400;

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
        await this.sutAdapter.sendRequests({
            contractId: 'trestle',
            contractFunction: 'InvestorContract:OnboardInvestor',
            contractArguments: [JSON.stringify(record)],
            transientMap: { pii: JSON.stringify(pii) },
            targetOrganizations: endorsingOrganizations,
            invokerMspId: invoker.mspId,
            invokerIdentity: invoker.identity,
        });
    }
}

module.exports.createWorkloadModule = () => new OnboardInvestorWorkload();
