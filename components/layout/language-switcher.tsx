import { getLocale, getTranslations } from "next-intl/server";
import { setLocale } from "@/app/_actions/set-locale";
import { uiLocales } from "@/lib/i18n/locales";

/** Plain forms: works with the keyboard and without JavaScript. */
export async function LanguageSwitcher() {
  const [current, t] = await Promise.all([getLocale(), getTranslations("common")]);
  return (
    <div className="lang-form" role="group" aria-label={t("language")}>
      {uiLocales.map((locale) => (
        <form key={locale} action={setLocale.bind(null, locale)}>
          <button
            type="submit"
            lang={locale}
            aria-current={locale === current}
            aria-label={t(`languages.${locale}`)}
          >
            {locale.toUpperCase()}
          </button>
        </form>
      ))}
    </div>
  );
}
