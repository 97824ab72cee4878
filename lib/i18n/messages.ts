import type { UiLocale } from "./locales";
import en from "./messages/en.json";
import enArticles from "./messages/en/articles.json";
import enBancontact from "./messages/en/bancontact.json";
import enCustomers from "./messages/en/customers.json";
import enDocuments from "./messages/en/documents.json";
import enMollie from "./messages/en/mollie.json";
import enOnlinePayments from "./messages/en/online-payments.json";
import enOriginals from "./messages/en/originals.json";
import enPayments from "./messages/en/payments.json";
import enPeppol from "./messages/en/peppol.json";
import enShopify from "./messages/en/shopify.json";
import enShopifyInbox from "./messages/en/shopify-inbox.json";
import enShopifyInstall from "./messages/en/shopify-install.json";
import enShopifyStock from "./messages/en/shopify-stock.json";
import enTexts from "./messages/en/texts.json";
import fr from "./messages/fr.json";
import frArticles from "./messages/fr/articles.json";
import frBancontact from "./messages/fr/bancontact.json";
import frCustomers from "./messages/fr/customers.json";
import frDocuments from "./messages/fr/documents.json";
import frMollie from "./messages/fr/mollie.json";
import frOnlinePayments from "./messages/fr/online-payments.json";
import frOriginals from "./messages/fr/originals.json";
import frPayments from "./messages/fr/payments.json";
import frPeppol from "./messages/fr/peppol.json";
import frShopify from "./messages/fr/shopify.json";
import frShopifyInbox from "./messages/fr/shopify-inbox.json";
import frShopifyInstall from "./messages/fr/shopify-install.json";
import frShopifyStock from "./messages/fr/shopify-stock.json";
import frTexts from "./messages/fr/texts.json";
import nl from "./messages/nl.json";
import nlArticles from "./messages/nl/articles.json";
import nlBancontact from "./messages/nl/bancontact.json";
import nlCustomers from "./messages/nl/customers.json";
import nlDocuments from "./messages/nl/documents.json";
import nlMollie from "./messages/nl/mollie.json";
import nlOnlinePayments from "./messages/nl/online-payments.json";
import nlOriginals from "./messages/nl/originals.json";
import nlPayments from "./messages/nl/payments.json";
import nlPeppol from "./messages/nl/peppol.json";
import nlShopify from "./messages/nl/shopify.json";
import nlShopifyInbox from "./messages/nl/shopify-inbox.json";
import nlShopifyInstall from "./messages/nl/shopify-install.json";
import nlShopifyStock from "./messages/nl/shopify-stock.json";
import nlTexts from "./messages/nl/texts.json";

/**
 * All UI strings: the shell's in `<locale>.json`, each capability's namespace in
 * `<locale>/<namespace>.json`. English is the reference: the other languages must
 * have the same keys (lib/i18n/messages.test.ts checks it).
 */
const english = {
  ...en,
  articles: enArticles,
  bancontact: enBancontact,
  customers: enCustomers,
  documents: enDocuments,
  mollie: enMollie,
  onlinePayments: enOnlinePayments,
  originals: enOriginals,
  payments: enPayments,
  peppol: enPeppol,
  shopify: enShopify,
  shopifyInbox: enShopifyInbox,
  shopifyInstall: enShopifyInstall,
  shopifyStock: enShopifyStock,
  texts: enTexts,
};
export type Messages = typeof english;

const catalogs: Record<UiLocale, Messages> = {
  en: english,
  fr: {
    ...fr,
    articles: frArticles,
    bancontact: frBancontact,
    customers: frCustomers,
    documents: frDocuments,
    mollie: frMollie,
    onlinePayments: frOnlinePayments,
    originals: frOriginals,
    payments: frPayments,
    peppol: frPeppol,
    shopify: frShopify,
    shopifyInbox: frShopifyInbox,
    shopifyInstall: frShopifyInstall,
    shopifyStock: frShopifyStock,
    texts: frTexts,
  },
  nl: {
    ...nl,
    articles: nlArticles,
    bancontact: nlBancontact,
    customers: nlCustomers,
    documents: nlDocuments,
    mollie: nlMollie,
    onlinePayments: nlOnlinePayments,
    originals: nlOriginals,
    payments: nlPayments,
    peppol: nlPeppol,
    shopify: nlShopify,
    shopifyInbox: nlShopifyInbox,
    shopifyInstall: nlShopifyInstall,
    shopifyStock: nlShopifyStock,
    texts: nlTexts,
  },
};

export function loadMessages(locale: UiLocale): Messages {
  return catalogs[locale];
}
