import type { UiLocale } from "./locales";
import en from "./messages/en.json";
import enArticles from "./messages/en/articles.json";
import enCustomers from "./messages/en/customers.json";
import enDocuments from "./messages/en/documents.json";
import enPayments from "./messages/en/payments.json";
import enShopify from "./messages/en/shopify.json";
import enShopifyInbox from "./messages/en/shopify-inbox.json";
import enTexts from "./messages/en/texts.json";
import fr from "./messages/fr.json";
import frArticles from "./messages/fr/articles.json";
import frCustomers from "./messages/fr/customers.json";
import frDocuments from "./messages/fr/documents.json";
import frPayments from "./messages/fr/payments.json";
import frShopify from "./messages/fr/shopify.json";
import frShopifyInbox from "./messages/fr/shopify-inbox.json";
import frTexts from "./messages/fr/texts.json";
import nl from "./messages/nl.json";
import nlArticles from "./messages/nl/articles.json";
import nlCustomers from "./messages/nl/customers.json";
import nlDocuments from "./messages/nl/documents.json";
import nlPayments from "./messages/nl/payments.json";
import nlShopify from "./messages/nl/shopify.json";
import nlShopifyInbox from "./messages/nl/shopify-inbox.json";
import nlTexts from "./messages/nl/texts.json";

/**
 * All UI strings: the shell's in `<locale>.json`, each capability's namespace in
 * `<locale>/<namespace>.json`. English is the reference: the other languages must
 * have the same keys (lib/i18n/messages.test.ts checks it).
 */
const english = {
  ...en,
  articles: enArticles,
  customers: enCustomers,
  documents: enDocuments,
  payments: enPayments,
  shopify: enShopify,
  shopifyInbox: enShopifyInbox,
  texts: enTexts,
};
export type Messages = typeof english;

const catalogs: Record<UiLocale, Messages> = {
  en: english,
  fr: {
    ...fr,
    articles: frArticles,
    customers: frCustomers,
    documents: frDocuments,
    payments: frPayments,
    shopify: frShopify,
    shopifyInbox: frShopifyInbox,
    texts: frTexts,
  },
  nl: {
    ...nl,
    articles: nlArticles,
    customers: nlCustomers,
    documents: nlDocuments,
    payments: nlPayments,
    shopify: nlShopify,
    shopifyInbox: nlShopifyInbox,
    texts: nlTexts,
  },
};

export function loadMessages(locale: UiLocale): Messages {
  return catalogs[locale];
}
