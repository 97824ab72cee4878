/**
 * Every GraphQL Admin API operation Facturo sends, in one place: the Shopify
 * simulator (packages/shopify-simulator) answers exactly these (simulator-*.test.ts
 * here), and a reviewer can see at a glance which data the app reads. All inputs travel
 * as variables.
 */

export const SHOP_QUERY = /* GraphQL */ `
  query FacturoShop {
    shop {
      id
      name
      email
      myshopifyDomain
      currencyCode
    }
  }
`;

export const WEBHOOK_SUBSCRIPTIONS_QUERY = /* GraphQL */ `
  query FacturoWebhookSubscriptions($first: Int!, $after: String) {
    webhookSubscriptions(first: $first, after: $after) {
      nodes {
        id
        topic
        uri
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

export const WEBHOOK_SUBSCRIPTION_CREATE = /* GraphQL */ `
  mutation FacturoWebhookSubscriptionCreate(
    $topic: WebhookSubscriptionTopic!
    $webhookSubscription: WebhookSubscriptionInput!
  ) {
    webhookSubscriptionCreate(topic: $topic, webhookSubscription: $webhookSubscription) {
      webhookSubscription {
        id
        topic
        uri
      }
      userErrors {
        field
        message
      }
    }
  }
`;

export const WEBHOOK_SUBSCRIPTION_DELETE = /* GraphQL */ `
  mutation FacturoWebhookSubscriptionDelete($id: ID!) {
    webhookSubscriptionDelete(id: $id) {
      deletedWebhookSubscriptionId
      userErrors {
        field
        message
      }
    }
  }
`;

const MONEY_BAG = `shopMoney { amount currencyCode } presentmentMoney { amount currencyCode }`;
const TAX_LINES = `taxLines { title rate ratePercentage channelLiable priceSet { ${MONEY_BAG} } }`;
const ADDRESS = `firstName lastName name company address1 address2 city zip province provinceCode country countryCodeV2 phone`;

/**
 * Orders updated since a date, for the import of existing orders and for the
 * reconciliation job. The selection is what the order mapping needs; it is turned
 * back into the webhook (REST) shape so one mapping serves both paths.
 */
export const ORDERS_QUERY = /* GraphQL */ `
  query FacturoOrders($first: Int!, $after: String, $query: String) {
    orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
      nodes {
        id
        legacyResourceId
        name
        email
        phone
        note
        test
        createdAt
        updatedAt
        processedAt
        cancelledAt
        cancelReason
        closedAt
        customerLocale
        currencyCode
        presentmentCurrencyCode
        taxesIncluded
        displayFinancialStatus
        displayFulfillmentStatus
        paymentGatewayNames
        sourceName
        customAttributes { key value }
        customer { id legacyResourceId email firstName lastName phone }
        billingAddress { ${ADDRESS} }
        shippingAddress { ${ADDRESS} }
        totalPriceSet { ${MONEY_BAG} }
        subtotalPriceSet { ${MONEY_BAG} }
        totalTaxSet { ${MONEY_BAG} }
        totalDiscountsSet { ${MONEY_BAG} }
        totalShippingPriceSet { ${MONEY_BAG} }
        totalTipReceivedSet { ${MONEY_BAG} }
        totalOutstandingSet { ${MONEY_BAG} }
        currentTotalPriceSet { ${MONEY_BAG} }
        fulfillments(first: 20) { createdAt status }
        ${TAX_LINES}
        discountCodes
        lineItems(first: 250) {
          nodes {
            id
            title
            variantTitle
            name
            sku
            vendor
            quantity
            currentQuantity
            taxable
            requiresShipping
            isGiftCard
            product { id }
            variant { id }
            originalUnitPriceSet { ${MONEY_BAG} }
            totalDiscountSet { ${MONEY_BAG} }
            discountAllocations {
              allocatedAmountSet { ${MONEY_BAG} }
              discountApplication { index value { ... on PricingPercentageValue { percentage } } }
            }
            ${TAX_LINES}
          }
        }
        shippingLines(first: 50, includeRemovals: false) {
          nodes {
            id
            title
            code
            source
            originalPriceSet { ${MONEY_BAG} }
            discountedPriceSet { ${MONEY_BAG} }
            discountAllocations { allocatedAmountSet { ${MONEY_BAG} } }
            ${TAX_LINES}
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;
