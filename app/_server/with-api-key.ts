import "server-only";
import { getDb, type Db } from "@/db";
import { authenticateApiKey } from "@/db/queries/api-keys";
import { tenant, type Tenant } from "@/db/tenant";
import { requestLogger, type Logger } from "@/lib/log/logger";
import { parseApiKeyPrefix } from "@/lib/crypto/api-key";
import { LIMITS } from "@/lib/security/limits";
import { hitRateLimit } from "@/lib/security/rate-limit";

export interface ApiContext {
  db: Db;
  tenant: Tenant;
  log: Logger;
}

export function apiError(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status });
}

/**
 * Every read-API route: a Bearer API key resolves to the organisation, and the
 * handler only ever sees that tenant. Internals never reach the client.
 */
export function withApiKey<P>(
  handler: (request: Request, ctx: ApiContext, params: P) => Promise<Response>,
) {
  return async (request: Request, route: { params: Promise<P> }): Promise<Response> => {
    const log = requestLogger(request.headers.get("x-request-id"));
    const token = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1];
    if (!token)
      return apiError(401, "missing_api_key", "Send an API key as 'Authorization: Bearer <key>'.");
    try {
      const db = await getDb();
      const organisationId = await authenticateApiKey(db, token);
      if (!organisationId)
        return apiError(401, "invalid_api_key", "This API key is unknown or revoked.");
      // Per key (its public prefix names it), in the database: every web process counts.
      const limited = await hitRateLimit(db, LIMITS.apiPerKey, parseApiKeyPrefix(token) ?? token);
      if (!limited.allowed) {
        const response = apiError(
          429,
          "rate_limited",
          `At most ${LIMITS.apiPerKey.limit} requests a minute per API key; try again in ${limited.retryAfterSeconds} s.`,
        );
        response.headers.set("retry-after", String(limited.retryAfterSeconds));
        return response;
      }
      return await handler(
        request,
        { db, tenant: tenant(organisationId), log: log.child({ organisationId }) },
        await route.params,
      );
    } catch (err) {
      log.error({ err }, "API request failed");
      return apiError(500, "internal_error", "Something went wrong on our side.");
    }
  };
}
