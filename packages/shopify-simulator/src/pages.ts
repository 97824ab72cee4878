import type { SimulatorConfig } from "./config";
import type { OrderFixtureCatalogue } from "./fixtures";
import { html, page, SafeHtml } from "./html";
import { getObjects, getScalarString, getString, type JsonObject } from "./json";
import { remainingQuantity } from "./refund-builder";
import type { Delivery, ShopState } from "./state";

/**
 * Server-rendered pages: the merchant's side of Shopify (login, install consent, a tiny shop
 * admin). Plain HTML forms, no JavaScript; every value is escaped by `html`.
 */

/** Scopes as the consent screen words them; unknown scopes are shown raw. */
const SCOPE_WORDS: Record<string, string> = {
  read_orders: "View orders (last 60 days)",
  write_orders: "Edit orders",
  read_all_orders: "View all orders, including those older than 60 days",
  read_customers: "View customers",
  write_customers: "Edit customers",
  read_products: "View products",
  write_products: "Edit products",
  read_fulfillments: "View fulfillments",
  write_fulfillments: "Edit fulfillments",
  read_inventory: "View inventory",
  read_locations: "View locations",
  read_shipping: "View shipping rates",
  read_returns: "View returns",
  read_draft_orders: "View draft orders",
  read_assigned_fulfillment_orders: "View fulfillment orders assigned to the app",
  read_merchant_managed_fulfillment_orders: "View merchant-managed fulfillment orders",
};

export function describeScope(scope: string): string {
  return SCOPE_WORDS[scope] ?? scope;
}

function shopLink(shop: ShopState): SafeHtml {
  return html`<a href="/shops/${encodeURIComponent(shop.domain)}/admin">${shop.domain}</a>`;
}

export function errorPage(status: number, title: string, message: string): string {
  return page(
    title,
    html`<div class="card narrow" role="alert">
      <h1>${title}</h1>
      <p>${message}</p>
      <p class="muted">HTTP ${status}</p>
    </div>`,
  );
}

/** The OAuth query travels through the login and consent forms as hidden fields. */
export interface AuthorizeRequest {
  clientId: string;
  scope: string;
  redirectUri: string;
  state: string;
  grantOptions: string;
}

function hiddenFields(request: AuthorizeRequest): SafeHtml {
  return html`<input type="hidden" name="client_id" value="${request.clientId}" />
    <input type="hidden" name="scope" value="${request.scope}" />
    <input type="hidden" name="redirect_uri" value="${request.redirectUri}" />
    <input type="hidden" name="state" value="${request.state}" />
    <input type="hidden" name="grant_options[]" value="${request.grantOptions}" />`;
}

export function loginPage(shop: ShopState, returnTo: string, error?: string): string {
  return page(
    "Log in",
    html`<div class="card narrow">
      <h1>Log in</h1>
      <p>Continue to <strong>${shop.name}</strong> <span class="muted">(${shop.domain})</span></p>
      ${error ? html`<p class="bad" role="alert">${error}</p>` : ""}
      <form method="post" action="/shops/${encodeURIComponent(shop.domain)}/admin/auth/login">
        <input type="hidden" name="return_to" value="${returnTo}" />
        <label for="email">Email</label>
        <input
          id="email"
          name="email"
          type="email"
          autocomplete="username"
          required
          value="${shop.email}"
        />
        <label for="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autocomplete="current-password"
          required
          value="simulator"
        />
        <p class="muted">Simulated store: any password is accepted.</p>
        <div class="actions"><button class="primary" type="submit">Log in</button></div>
      </form>
    </div>`,
  );
}

export function consentPage(
  config: SimulatorConfig,
  shop: ShopState,
  request: AuthorizeRequest,
  email: string,
): string {
  const scopes = request.scope
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const online = request.grantOptions === "per-user";
  return page(
    `Install ${config.appName}`,
    html`<div class="card narrow">
      <h1>Install ${config.appName}</h1>
      <p>
        on <strong>${shop.name}</strong> <span class="muted">(${shop.domain})</span>, as ${email}
      </p>
      <h2 id="scopes-heading">${config.appName} will be able to:</h2>
      ${
        scopes.length
          ? html`<ul aria-labelledby="scopes-heading">
              ${scopes.map(
                (scope) =>
                  html`<li>
                    ${describeScope(scope)} <span class="muted">(<code>${scope}</code>)</span>
                  </li>`,
              )}
            </ul>`
          : html`<p>No data access requested.</p>`
      }
      <p class="muted">Access mode: ${online ? "online (per user)" : "offline (app)"}</p>
      <form method="post" action="/shops/${encodeURIComponent(shop.domain)}/admin/oauth/install">
        ${hiddenFields(request)}
        <div class="actions">
          <button class="primary" type="submit" name="decision" value="install">Install app</button>
          <button type="submit" name="decision" value="cancel">Cancel</button>
        </div>
      </form>
    </div>`,
  );
}

export function indexPage(config: SimulatorConfig, shops: ShopState[]): string {
  return page(
    "Shops",
    html`<div class="card">
      <h1>Simulated shops</h1>
      <p>
        App: <strong>${config.appName}</strong> (client id <code>${config.clientId}</code>). Shops
        are created on first use: open <code>/shops/&lt;handle&gt;.myshopify.com/admin</code>.
      </p>
      ${
        shops.length
          ? html`<ul>
              ${shops.map(
                (shop) =>
                  html`<li>
                    ${shopLink(shop)} — ${shop.installed ? "app installed" : "app not installed"},
                    ${shop.orders.length} order(s)
                  </li>`,
              )}
            </ul>`
          : html`<p class="muted">No shops yet.</p>`
      }
      <form method="get" action="/go">
        <label for="handle">Open a shop (handle)</label>
        <input
          id="handle"
          name="handle"
          type="text"
          placeholder="my-test-shop"
          pattern="[a-z0-9][a-z0-9-]*"
          required
        />
        <div class="actions"><button type="submit">Open shop admin</button></div>
      </form>
    </div>`,
  );
}

function money(order: JsonObject): string {
  return `${getScalarString(order, "total_price") ?? "?"} ${getString(order, "currency") ?? ""}`.trim();
}

function actionButton(
  shop: ShopState,
  orderId: string,
  action: string,
  label: string,
  enabled: boolean,
  orderName: string,
): SafeHtml {
  return html`<form
    class="inline"
    method="post"
    action="/shops/${encodeURIComponent(shop.domain)}/admin/sim/orders/${encodeURIComponent(orderId)}/${action}"
  >
    <button
      type="submit"
      ${enabled ? "" : new SafeHtml("disabled")}
      aria-label="${label} ${orderName}"
    >
      ${label}
    </button>
  </form>`;
}

function ordersTable(shop: ShopState): SafeHtml {
  if (shop.orders.length === 0) return html`<p class="muted">No orders yet.</p>`;
  const rows = [...shop.orders].reverse().map((order) => {
    const id = getScalarString(order, "id") ?? "";
    const name = getString(order, "name") ?? id;
    const financial = getString(order, "financial_status") ?? "pending";
    const fulfillment = getString(order, "fulfillment_status") ?? "unfulfilled";
    const cancelled = getString(order, "cancelled_at") !== null;
    const firstLine = getObjects(order, "line_items")[0];
    const refundable =
      ["paid", "partially_paid", "partially_refunded"].includes(financial) &&
      firstLine !== undefined &&
      remainingQuantity(order, firstLine) > 0;
    return html`<tr>
      <td>${name}<br /><span class="muted">${id}</span></td>
      <td>${getString(order, "created_at")}</td>
      <td>${financial}${cancelled ? html`<br /><span class="bad">cancelled</span>` : ""}</td>
      <td>${fulfillment}</td>
      <td>${money(order)}</td>
      <td>
        ${actionButton(shop, id, "pay", "Mark paid", !["paid", "partially_refunded", "refunded"].includes(financial), name)}
        ${actionButton(shop, id, "fulfil", "Fulfil", fulfillment !== "fulfilled", name)}
        ${actionButton(shop, id, "refund", "Refund", refundable, name)}
        ${actionButton(shop, id, "cancel", "Cancel", !cancelled, name)}
      </td>
    </tr>`;
  });
  return html`<table>
    <caption class="muted">
      Newest first. Refund = the whole first line.
    </caption>
    <thead>
      <tr>
        <th scope="col">Order</th>
        <th scope="col">Created</th>
        <th scope="col">Payment</th>
        <th scope="col">Fulfilment</th>
        <th scope="col">Total</th>
        <th scope="col">Actions</th>
      </tr>
    </thead>
    <tbody>
      ${rows}
    </tbody>
  </table>`;
}

function deliveriesTable(shop: ShopState): SafeHtml {
  if (shop.deliveries.length === 0) return html`<p class="muted">No webhooks sent yet.</p>`;
  const rows = [...shop.deliveries].reverse().map((delivery: Delivery) => {
    const last = delivery.attempts.at(-1);
    const statusClass =
      delivery.status === "delivered" ? "ok" : delivery.status === "failed" ? "bad" : "";
    return html`<tr>
      <td>${delivery.createdAt}</td>
      <td>
        <code>${delivery.topic}</code
        >${delivery.repeatOf ? html`<br /><span class="muted">repeat of ${delivery.repeatOf}</span>` : ""}
      </td>
      <td>${delivery.uri}</td>
      <td class="${statusClass}">
        ${delivery.status}${last ? html` (${last.statusCode ?? last.error ?? ""})` : ""}
      </td>
      <td>${delivery.attempts.length}</td>
      <td><span class="muted">${delivery.webhookId}</span></td>
      <td>
        <form
          class="inline"
          method="post"
          action="/shops/${encodeURIComponent(shop.domain)}/admin/sim/webhooks/${encodeURIComponent(delivery.id)}/redeliver"
        >
          <button type="submit" aria-label="Redeliver ${delivery.id}">Redeliver</button>
        </form>
      </td>
    </tr>`;
  });
  return html`<table>
    <thead>
      <tr>
        <th scope="col">Created</th>
        <th scope="col">Topic</th>
        <th scope="col">Address</th>
        <th scope="col">Status (last code)</th>
        <th scope="col">Attempts</th>
        <th scope="col">Webhook id</th>
        <th scope="col"><span class="muted">Action</span></th>
      </tr>
    </thead>
    <tbody>
      ${rows}
    </tbody>
  </table>`;
}

export function shopAdminPage(
  config: SimulatorConfig,
  shop: ShopState,
  fixtures: OrderFixtureCatalogue,
  flash: { notice?: string | null; error?: string | null },
): string {
  const base = `/shops/${encodeURIComponent(shop.domain)}/admin`;
  return page(
    `${shop.name} admin`,
    html`${flash.notice ? html`<p class="notice" role="status">${flash.notice}</p>` : ""}
      ${flash.error ? html`<p class="notice bad" role="alert">${flash.error}</p>` : ""}
      <div class="card">
        <h1>${shop.name}</h1>
        <p class="muted">
          ${shop.domain} · shop id ${shop.id} · ${shop.currency} · <a href="${base}">Refresh</a>
        </p>
      </div>
      <section class="card" aria-labelledby="app-heading">
        <h2 id="app-heading">App: ${config.appName}</h2>
        <p>
          Status:
          <strong class="${shop.installed ? "ok" : "bad"}"
            >${shop.installed ? "installed" : "not installed"}</strong
          >
          ${shop.installedAt ? html`<span class="muted">since ${shop.installedAt}</span>` : ""}
        </p>
        <p>
          Granted scopes:
          ${shop.scopes.length ? shop.scopes.map((s) => html`<code>${s}</code> `) : html`<span class="muted">none</span>`}
        </p>
        <p>
          Token exchanges: ${shop.tokenExchangeCount} · token refreshes: ${shop.refreshCount} ·
          GraphQL requests: ${shop.graphqlRequestCount}
        </p>
        <h3>Webhook subscriptions</h3>
        ${
          shop.subscriptions.length
            ? html`<table>
                <thead>
                  <tr>
                    <th scope="col">Topic</th>
                    <th scope="col">Address</th>
                    <th scope="col">API version</th>
                  </tr>
                </thead>
                <tbody>
                  ${shop.subscriptions.map(
                    (s) =>
                      html`<tr>
                        <td><code>${s.topic}</code></td>
                        <td>${s.uri}</td>
                        <td>${s.apiVersion}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>`
            : html`<p class="muted">None.</p>`
        }
        ${
          shop.installed
            ? html`<div class="actions">
                <form class="inline" method="get" action="${base}/apps/open">
                  <button class="primary" type="submit">Open app</button>
                </form>
                <form class="inline" method="post" action="${base}/sim/uninstall">
                  <button class="danger" type="submit">Uninstall app</button>
                </form>
              </div>`
            : html`<div class="actions">
                  <form class="inline" method="get" action="${base}/app-store/install">
                    <button class="primary" type="submit">Install from the App Store</button>
                  </form>
                </div>
                <p class="muted">
                  Opens ${config.appName}'s App URL (${config.applicationUrl}) as Shopify does,
                  signed with the client secret.
                </p>`
        }
      </section>
      <section class="card" aria-labelledby="place-heading">
        <h2 id="place-heading">Place an order</h2>
        <form method="post" action="${base}/sim/orders">
          <label for="fixture">Order payload (fixture)</label>
          ${
            fixtures.problem
              ? html`<p class="notice bad" role="alert" id="fixtures-problem">
                  No order to place. ${fixtures.problem}
                </p>`
              : ""
          }
          <select id="fixture" name="fixture" required>
            ${fixtures.names.map((name) => html`<option value="${name}">${name}</option>`)}
          </select>
          <div class="actions">
            <button
              class="primary"
              type="submit"
              ${fixtures.names.length ? "" : new SafeHtml("disabled")}
            >
              Place order
            </button>
          </div>
        </form>
      </section>
      <section class="card" aria-labelledby="orders-heading">
        <h2 id="orders-heading">Orders</h2>
        ${ordersTable(shop)}
      </section>
      <section class="card" aria-labelledby="compliance-heading">
        <h2 id="compliance-heading">Compliance webhooks</h2>
        <p class="muted">Sent to ${config.complianceUrl}</p>
        <div class="actions">
          ${(["customers-data-request", "customers-redact", "shop-redact"] as const).map(
            (kind) =>
              html`<form class="inline" method="post" action="${base}/sim/compliance/${kind}">
                <button type="submit">Send ${kind.replace(/-/g, " ")}</button>
              </form>`,
          )}
        </div>
      </section>
      <section class="card" aria-labelledby="deliveries-heading">
        <h2 id="deliveries-heading">Webhook deliveries</h2>
        ${deliveriesTable(shop)}
      </section>`,
    html`<nav aria-label="Simulator"><a href="/">All shops</a></nav>`,
  );
}
