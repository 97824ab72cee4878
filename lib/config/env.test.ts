import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./env";

const secrets = {
  AUTH_SECRET: randomBytes(32).toString("base64url"),
  ENCRYPTION_KEY: randomBytes(32).toString("base64"),
};

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error("expected a ConfigError");
}

describe("parseConfig", () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), "facturo-env-"));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  describe("production", () => {
    it("refuses to start without its secrets, naming each one", () => {
      const problems = problemsOf(() => parseConfig({ NODE_ENV: "production" }, { dataDir }));
      expect(problems).toHaveLength(3);
      expect(problems.some((p) => p.startsWith("AUTH_SECRET"))).toBe(true);
      expect(problems.some((p) => p.startsWith("ENCRYPTION_KEY"))).toBe(true);
      expect(problems.some((p) => p.startsWith("RESEND_API_KEY"))).toBe(true);
      // Production must never fall back to generated dev secrets.
      expect(() => statSync(path.join(dataDir, "dev-secrets.json"))).toThrow();
    });

    it("lists every problem in the error message", () => {
      expect(() => parseConfig({ NODE_ENV: "production" }, { dataDir })).toThrow(
        /AUTH_SECRET[\s\S]*ENCRYPTION_KEY[\s\S]*RESEND_API_KEY/,
      );
    });

    it("rejects weak secrets", () => {
      const problems = problemsOf(() =>
        parseConfig({
          NODE_ENV: "production",
          AUTH_SECRET: "short",
          ENCRYPTION_KEY: randomBytes(16).toString("base64"),
          EMAIL_TRANSPORT: "outbox",
        }),
      );
      expect(problems).toEqual([
        "AUTH_SECRET must be at least 32 characters",
        "ENCRYPTION_KEY must be 32 bytes, base64-encoded",
      ]);
    });

    it("names a mistyped transport instead of asking for a Resend key", () => {
      const problems = problemsOf(() =>
        parseConfig({ NODE_ENV: "production", EMAIL_TRANSPORT: "smtp", ...secrets }),
      );
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^EMAIL_TRANSPORT /);
      expect(problems[0]).not.toMatch(/missing/);
    });

    it("refuses a production outbox that was not declared public", () => {
      const problems = problemsOf(() =>
        parseConfig({ NODE_ENV: "production", EMAIL_TRANSPORT: "outbox", ...secrets }),
      );
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/OUTBOX_PUBLIC=true/);
    });

    it("starts with secrets and the outbox chosen explicitly", () => {
      const config = parseConfig({
        NODE_ENV: "production",
        EMAIL_TRANSPORT: "outbox",
        OUTBOX_PUBLIC: "true",
        ...secrets,
      });
      expect(config).toMatchObject({
        NODE_ENV: "production",
        EMAIL_TRANSPORT: "outbox",
        ...secrets,
      });
      expect(config.DATABASE_URL).toBeUndefined();
    });

    it("refuses a Shopify client id without its secret", () => {
      const problems = problemsOf(() =>
        parseConfig({
          NODE_ENV: "production",
          RESEND_API_KEY: "re_x",
          SHOPIFY_CLIENT_ID: "id",
          ...secrets,
        }),
      );
      expect(problems).toEqual([
        "SHOPIFY_CLIENT_ID and SHOPIFY_CLIENT_SECRET go together: set both or neither",
      ]);
    });

    it("sends through Resend when a key is given", () => {
      const config = parseConfig({ NODE_ENV: "production", RESEND_API_KEY: "re_x", ...secrets });
      expect(config.EMAIL_TRANSPORT).toBe("resend");
    });

    it("refuses the resend transport without its key", () => {
      expect(
        problemsOf(() =>
          parseConfig({ NODE_ENV: "production", EMAIL_TRANSPORT: "resend", ...secrets }),
        ),
      ).toEqual(["RESEND_API_KEY is missing (EMAIL_TRANSPORT=resend needs it)"]);
    });
  });

  describe("development", () => {
    it("generates secrets once and reuses them", () => {
      const first = parseConfig({ NODE_ENV: "development" }, { dataDir });
      expect(first.AUTH_SECRET.length).toBeGreaterThanOrEqual(32);
      expect(Buffer.from(first.ENCRYPTION_KEY, "base64")).toHaveLength(32);
      expect(first.EMAIL_TRANSPORT).toBe("outbox");

      const file = path.join(dataDir, "dev-secrets.json");
      expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({
        AUTH_SECRET: first.AUTH_SECRET,
        ENCRYPTION_KEY: first.ENCRYPTION_KEY,
      });
      expect(statSync(file).mode & 0o777).toBe(0o600);

      const second = parseConfig({}, { dataDir });
      expect(second.AUTH_SECRET).toBe(first.AUTH_SECRET);
      expect(second.ENCRYPTION_KEY).toBe(first.ENCRYPTION_KEY);
    });

    it("prefers secrets from the environment", () => {
      const config = parseConfig({ NODE_ENV: "development", ...secrets }, { dataDir });
      expect(config.AUTH_SECRET).toBe(secrets.AUTH_SECRET);
      expect(config.ENCRYPTION_KEY).toBe(secrets.ENCRYPTION_KEY);
    });

    it("still validates the rest, saying what is wrong rather than missing", () => {
      const problems = problemsOf(() =>
        parseConfig({ DATABASE_URL: "not a url", LOG_LEVEL: "loud" }, { dataDir }),
      );
      expect(problems).toEqual([
        expect.stringMatching(/^DATABASE_URL /),
        expect.stringMatching(/^LOG_LEVEL /),
      ]);
      expect(problems.join("\n")).not.toMatch(/missing/);
    });
  });
});
