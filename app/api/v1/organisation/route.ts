import { withApiKey } from "@/app/_server/with-api-key";
import { getOrganisation } from "@/db/queries/organisations";

export const dynamic = "force-dynamic";

/** The organisation the API key belongs to: a cheap way for integrations to check their key. */
export const GET = withApiKey(async (_request, { db, tenant }) => {
  const o = await getOrganisation(db, tenant.organisationId);
  return Response.json({
    id: o.id,
    legal_name: o.legalName,
    vat_number: o.vatNumber,
    address: { street: o.street, postal_code: o.postalCode, city: o.city, country: o.country },
    iban: o.iban,
    bic: o.bic,
    default_language: o.defaultLanguage,
    currency: o.currency,
  });
});
