"use server";

import { revalidatePath } from "next/cache";
import { requireActiveApp } from "@/app/_server/require-active-app";
import type { ApiKeyFormState } from "@/components/payments/online/api-key-form";
import { getConfig } from "@/lib/config/env";
import { connectProvider } from "@/lib/payments/online/connect-provider";
import { onlinePaymentProviders } from "@/lib/payments/online/providers";

/** Configure → Save: checks the key with the provider, then seals and stores it. */
export async function saveMollieApiKey(
  _previous: ApiKeyFormState,
  form: FormData,
): Promise<ApiKeyFormState> {
  const { db, tenant } = await requireActiveApp("mollie");
  const config = getConfig();
  const apiKey = form.get("apiKey");
  const result = await connectProvider(
    { db, providers: onlinePaymentProviders(config), encryptionKey: config.ENCRYPTION_KEY },
    tenant,
    "mollie",
    typeof apiKey === "string" ? apiKey : "",
  );
  if (result.ok) revalidatePath("/apps/mollie");
  return result;
}
