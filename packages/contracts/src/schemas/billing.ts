// Domain schemas; filled in by the contract work for this domain (see catalog.ts for the model).
export {};
