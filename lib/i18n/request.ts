import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { isUiLocale, localeCookie, negotiateLocale } from "./locales";
import { loadMessages } from "./messages";

// The language the visitor chose (cookie), else the browser's, else English.
export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const chosen = (await cookies()).get(localeCookie)?.value;
  const locale = isUiLocale(requested)
    ? requested
    : isUiLocale(chosen)
      ? chosen
      : negotiateLocale((await headers()).get("accept-language"));
  return { locale, messages: loadMessages(locale), timeZone: "Europe/Brussels" };
});
