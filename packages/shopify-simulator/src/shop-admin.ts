import type { IncomingMessage, ServerResponse } from "node:http";
import { readOrderFixtures, type OrderFixtureCatalogue } from "./fixtures";
import { HttpError, parseForm, readBody, redirect, sendHtml } from "@facturo/stand-in-http";
import type { ComplianceKind } from "./installation";
import { getString } from "./json";
import { shopAdminPage } from "./pages";
import type { OrderAction, Simulator } from "./simulator";
import type { ShopState } from "./state";

/**
 * The merchant's shop admin (simulated): `GET /shops/{shop}/admin` and the forms it posts
 * to `/shops/{shop}/admin/sim/…`. Each form does what the control API does, then
 * redirects back with a notice (post/redirect/get).
 */

export async function showShopAdmin(
  sim: Simulator,
  res: ServerResponse,
  shop: ShopState,
  url: URL,
): Promise<void> {
  // A listed fixture that is missing is shown, with its path, where the list would be.
  const fixtures: OrderFixtureCatalogue = await readOrderFixtures(sim.config.fixturesDir).catch(
    (error: unknown) => {
      if (error instanceof HttpError) return { names: [], problem: error.message };
      throw error;
    },
  );
  sendHtml(
    res,
    200,
    shopAdminPage(sim.config, shop, fixtures, {
      notice: url.searchParams.get("notice"),
      error: url.searchParams.get("error"),
    }),
  );
}

const ACTIONS: Record<string, OrderAction> = {
  pay: "pay",
  fulfil: "fulfil",
  refund: "refund",
  cancel: "cancel",
};

const COMPLIANCE_KINDS = new Set(["customers-data-request", "customers-redact", "shop-redact"]);

/** Handles one admin form; `rest` is the path after `/admin/sim/`. */
export async function handleShopAdminForm(
  sim: Simulator,
  req: IncomingMessage,
  res: ServerResponse,
  shop: ShopState,
  rest: string[],
): Promise<void> {
  const form = parseForm(await readBody(req));
  const back = (key: "notice" | "error", message: string) =>
    redirect(res, `/shops/${shop.domain}/admin?${new URLSearchParams({ [key]: message })}`, 303);
  try {
    const notice = await perform(sim, shop, rest, form);
    back("notice", notice);
  } catch (error) {
    if (error instanceof HttpError) back("error", error.message);
    else throw error;
  }
}

async function perform(
  sim: Simulator,
  shop: ShopState,
  rest: string[],
  form: Record<string, string>,
): Promise<string> {
  const [first, second, third] = rest;
  if (first === "orders" && rest.length === 1) {
    const outcome = await sim.placeOrder(shop, { fixture: form.fixture ?? "" });
    return `Order ${getString(outcome.order, "name") ?? ""} placed; ${outcome.deliveryIds.length} webhook(s) sent.`;
  }
  if (first === "orders" && second && third && ACTIONS[third]) {
    const outcome = await sim.orderAction(shop, second, ACTIONS[third]);
    return `${third} ${getString(outcome.order, "name") ?? second}: ${outcome.deliveryIds.length} webhook(s) sent.`;
  }
  if (first === "uninstall" && rest.length === 1) {
    const { deliveryIds } = await sim.uninstall(shop);
    return `App uninstalled; ${deliveryIds.length} webhook(s) sent.`;
  }
  if (first === "compliance" && second && COMPLIANCE_KINDS.has(second)) {
    const { deliveryIds } = await sim.compliance(shop, second as ComplianceKind, {});
    return `${second} sent (${deliveryIds.length} delivery).`;
  }
  if (first === "webhooks" && second && third === "redeliver") {
    const delivery = await sim.redeliver(shop, second);
    return `Redelivered ${delivery.topic} as ${delivery.id}: ${delivery.status}.`;
  }
  throw new HttpError(404, "Unknown admin action");
}
