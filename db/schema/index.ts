export * from "./auth";
export * from "./organisations";
export * from "./apps";
export * from "./emails";
export * from "./customers";
export * from "./articles";
export * from "./documents";
export * from "./document-texts";
