// fabric-contract-api logs every decorator at info level when it loads, which buries test output.
// Both Fabric loggers read this variable when created, so it must be set before either loads:
// stub-context imports this file first. A level set by the person running the tests wins.
process.env.CORE_CHAINCODE_LOGGING_LEVEL ??= 'WARNING';
