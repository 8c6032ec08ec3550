'use strict';

// Caliper 0.6's Peer Gateway connector (the fabric:2.5 binding, @hyperledger/fabric-gateway 1.5)
// refuses a request's targetOrganizations ("not supported by the Peer Gateway connector") and never
// passes endorsingOrganizations to the gateway. Our peers' gateway then refuses every transaction
// that sends PII in the transient map and writes the bank's implicit collection
// (FAILED_PRECONDITION: "requires endorsement from organisation(s) that are not in the
// distribution policy ... retry specifying trusted endorsing organizations"), seen on the real
// network. So a request that names targetOrganizations is endorsed here by exactly those
// organisations (compliance/src/ledger-client/endorsement-plan.ts: the submitter's bank and one
// other), through the connector's own gateway and contract for that identity; every other request
// takes the connector's own path. It runs inside the connector's sendRequests, so Caliper records
// each one as it records its own (TxStatus, latency, success or failure).

const { TxStatus } = require('@hyperledger/caliper-core');

/** Makes `connector` honour `request.targetOrganizations` as the gateway's endorsing organisations. */
function endorseByTargetOrganizations(connector) {
    if (connector.trestleEndorsingOrganizations) {
        return;
    }
    const ownPath = connector._sendSingleRequest.bind(connector);
    connector._sendSingleRequest = async (request) => {
        if (!request.targetOrganizations) {
            return ownPath(request);
        }
        return submitEndorsedBy(connector, request);
    };
    connector.trestleEndorsingOrganizations = true;
}

async function submitEndorsedBy(connector, request) {
    const details = connector.connectorConfiguration.getContractDetailsForContractId(request.contractId);
    const channel = request.channel || (details && details.channel);
    const contractId = (details && details.id) || request.contractId;
    const contract = await connector._getContractForIdentityOnChannelWithChaincodeID(request.invokerMspId, request.invokerIdentity, channel, contractId);
    const status = new TxStatus();
    const transientData = {};
    for (const [key, value] of Object.entries(request.transientMap || {})) {
        transientData[key] = Buffer.from(value);
    }
    try {
        const proposal = contract.newProposal(request.contractFunction, {
            arguments: request.contractArguments || [],
            transientData,
            endorsingOrganizations: request.targetOrganizations,
        });
        status.SetID(proposal.getTransactionId());
        status.Set('request_type', 'transaction');
        status.SetTimeCreate(Date.now());
        const submitted = await (await proposal.endorse()).submit();
        const commit = await submitted.getStatus();
        if (!commit.successful) {
            throw new Error(`transaction ${commit.transactionId} committed invalid, validation code ${commit.code}`);
        }
        status.SetStatusSuccess();
        status.SetResult(submitted.getResult());
    } catch (error) {
        const peers = (error.details || []).map((detail) => `\n-  ${detail.address}: ${detail.message}`).join('');
        console.error(`[trestle workload] ${request.contractFunction} endorsed by ${request.targetOrganizations.join(', ')} failed: ${error.message}${peers}`);
        status.SetStatusFail();
        status.SetResult('');
    }
    status.SetVerification(true);
    return status;
}

module.exports = { endorseByTargetOrganizations };
