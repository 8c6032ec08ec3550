'use strict';

// Preloaded (NODE_OPTIONS=--require) into Caliper's manager and workers: modules resolve only from
// this package, as they would in a standalone Caliper folder. Node also looks in the parent
// folders' node_modules, and the repository's root holds fabric-network (the CLI's SDK), which
// Caliper's fabric connector then takes for a second binding ("Multiple bindings for fabric have
// been detected") beside @hyperledger/fabric-gateway.

const Module = require('module');
const path = require('path');

const PACKAGE_DIR = __dirname + path.sep;
const resolveFilename = Module._resolveFilename;

Module._resolveFilename = function confinedResolveFilename(request, parent, ...rest) {
    const resolved = resolveFilename.call(this, request, parent, ...rest);
    if (path.isAbsolute(resolved) && !resolved.startsWith(PACKAGE_DIR) && !Module.isBuiltin(request)) {
        const error = new Error(`Cannot find module '${request}' inside ${PACKAGE_DIR} (found only at ${resolved}, outside Caliper's package)`);
        error.code = 'MODULE_NOT_FOUND';
        throw error;
    }
    return resolved;
};
