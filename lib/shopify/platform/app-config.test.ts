import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "smol-toml";
import { describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config/env";
import { PRIVACY_TOPICS, SUBSCRIBED_TOPICS } from "../intake/webhook-topics";
import {
  APP_HOME_PATH,
  APP_INSTALL_CALLBACK_PATH,
  OAUTH_CALLBACK_PATH,
  WEBHOOK_PATH,
} from "./endpoints";
import { scopesOf, SHOPIFY_API_VERSION } from "./shopify-app";

/**
 * shopify.app.toml is what Shopify knows of the app (deployed with `shopify app deploy`);
 * the code is what Facturo does. A difference breaks installs or webhooks in production
 * only, so it fails here.
 */
const TOML_PATH = path.resolve(import.meta.dirname, "../../../shopify.app.toml");
const source = readFileSync(TOML_PATH, "utf8");

const asAppConfig = (value: unknown) =>
  value as {
    client_id: string;
    application_url: string;
    embedded: boolean;
    access_scopes: { scopes: string; use_legacy_install_flow: boolean };
    auth: { redirect_urls: string[] };
    webhooks: {
      api_version: string;
      subscriptions: { topics?: string[]; compliance_topics?: string[]; uri: string }[];
    };
  };
const toml = asAppConfig(parse(source));

const defaults = parseConfig({
  NODE_ENV: "test",
  AUTH_SECRET: "x".repeat(40),
  ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
  EMAIL_TRANSPORT: "outbox",
});

describe("shopify.app.toml", () => {
  it("has a placeholder client id, never a real one", () => {
    expect(toml.client_id).toBe("REPLACE_WITH_YOUR_SHOPIFY_CLIENT_ID");
  });

  it("asks for exactly the scopes the code asks for at install, and lets the app drive OAuth", () => {
    const scopes = toml.access_scopes.scopes.split(",").map((s) => s.trim());
    expect(scopes).toEqual(scopesOf(defaults));
    expect(scopes).toEqual(["read_orders"]);
    expect(toml.access_scopes.use_legacy_install_flow).toBe(true);
    expect(toml.embedded).toBe(false);
  });

  it("points Shopify at the App URL and both OAuth callbacks, on one host", () => {
    const home = new URL(toml.application_url);
    expect(home.pathname).toBe(APP_HOME_PATH);
    expect(toml.auth.redirect_urls.map((u) => new URL(u).pathname)).toEqual([
      OAUTH_CALLBACK_PATH,
      APP_INSTALL_CALLBACK_PATH,
    ]);
    for (const url of [
      ...toml.auth.redirect_urls,
      ...toml.webhooks.subscriptions.map((s) => s.uri),
    ]) {
      expect(new URL(url).origin).toBe(home.origin);
    }
  });

  it("declares the webhook API version the code parses", () => {
    expect(toml.webhooks.api_version).toBe(SHOPIFY_API_VERSION);
  });

  it("declares the three compliance topics to the webhook endpoint, and nothing the code subscribes itself", () => {
    expect(toml.webhooks.subscriptions).toHaveLength(1);
    const [compliance] = toml.webhooks.subscriptions;
    expect(compliance?.compliance_topics).toEqual([...PRIVACY_TOPICS]);
    expect(compliance?.topics).toBeUndefined();
    expect(new URL(compliance?.uri ?? "").pathname).toBe(WEBHOOK_PATH);
  });

  it("lists the shop-specific topics the code subscribes for each shop", () => {
    const line = source.split("\n").find((l) => l.startsWith("# shop-specific topics = "));
    expect(line, "the '# shop-specific topics = [...]' line").toBeDefined();
    const listed = parse((line ?? "").slice(2).replace("shop-specific topics", "topics")) as {
      topics: string[];
    };
    expect(listed.topics).toEqual([...SUBSCRIBED_TOPICS]);
  });
});
