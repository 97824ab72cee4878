export * from "./auth";
export * from "./organisations";
export * from "./apps";
export * from "./emails";
