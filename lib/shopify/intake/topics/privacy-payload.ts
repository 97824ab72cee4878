import { z } from "zod";

const id = z.union([z.string(), z.number()]).transform(String);

/** `customers/data_request` and `customers/redact` bodies (only what we use). */
export const customerPrivacyPayload = z.object({
  shop_domain: z.string(),
  customer: z
    .object({ id: id.nullish(), email: z.string().nullish(), phone: z.string().nullish() })
    .partial()
    .default({}),
  orders_requested: z.array(id).optional(),
  orders_to_redact: z.array(id).optional(),
});

export type CustomerPrivacyPayload = z.infer<typeof customerPrivacyPayload>;
