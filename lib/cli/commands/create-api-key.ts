import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { createApiKey as insertApiKey } from "@/db/queries/api-keys";
import { organisations } from "@/db/schema";
import { tenant } from "@/db/tenant";
import { parseCommandArgs, requiredOption } from "../args";
import { CliError, type CliOutput } from "../output";

export const createApiKeyUsage =
  'facturo create-api-key --organisation <organisation id> --name "<key name>"';

export interface CreateApiKeyInput {
  organisationId: string;
  name: string;
}

// Same rule as the API keys settings page.
const nameSchema = z.string().trim().min(1).max(100);
// Any 8-4-4-4-12 hex id (what the uuid column accepts), not only RFC versions.
const idSchema = z.guid();

export function parseCreateApiKeyArgs(argv: string[]): CreateApiKeyInput {
  const values = parseCommandArgs(
    argv,
    { organisation: { type: "string" }, name: { type: "string" } },
    createApiKeyUsage,
  );
  const rawId = requiredOption(values.organisation, "--organisation", createApiKeyUsage);
  const rawName = requiredOption(values.name, "--name", createApiKeyUsage);
  const id = idSchema.safeParse(rawId.trim());
  if (!id.success)
    throw new CliError(`--organisation "${rawId}" is not an organisation id (a UUID)`);
  const name = nameSchema.safeParse(rawName);
  if (!name.success) {
    throw new CliError(
      rawName.trim() === ""
        ? "--name must not be empty"
        : "--name is too long (100 characters at most)",
    );
  }
  return { organisationId: id.data.toLowerCase(), name: name.data };
}

/**
 * Creates an API key for the organisation and prints its token: on stdout, once.
 * Only a hash is stored, so it cannot be shown again.
 */
export async function createApiKey(
  deps: { db: Db; out: CliOutput },
  input: CreateApiKeyInput,
): Promise<{ id: string; token: string }> {
  const [organisation] = await deps.db
    .select({ id: organisations.id, legalName: organisations.legalName })
    .from(organisations)
    .where(eq(organisations.id, input.organisationId));
  if (!organisation) throw new CliError(`there is no organisation with id ${input.organisationId}`);

  const key = await insertApiKey(deps.db, tenant(organisation.id), input.name);
  deps.out.err(`Created API key "${key.name}" for ${organisation.legalName} (${organisation.id}):`);
  deps.out.out(key.token);
  deps.out.err("Store it now: it will not be shown again (only its hash is kept).");
  return { id: key.id, token: key.token };
}
