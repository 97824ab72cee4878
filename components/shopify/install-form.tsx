"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { normaliseShopDomain } from "@/lib/shopify/platform/shop-domain";

type FieldError = "empty" | "invalid_shop" | "custom_domain";

/**
 * The shop URL and the green Install button. A plain GET form, so the browser
 * itself follows the redirects to Shopify and back; the same check as the server
 * runs first here, to explain a typo without leaving the page.
 */
export function InstallForm({
  initialShop,
  fieldError,
}: {
  initialShop: string;
  fieldError?: FieldError;
}) {
  const t = useTranslations("shopify");
  const [shop, setShop] = useState(initialShop);
  const [error, setError] = useState<FieldError | undefined>(fieldError);
  const [leaving, setLeaving] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  // Coming back with the browser's Back button must not leave the button disabled.
  useEffect(() => {
    const reset = () => setLeaving(false);
    window.addEventListener("pageshow", reset);
    return () => window.removeEventListener("pageshow", reset);
  }, []);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const result = normaliseShopDomain(shop);
    if (!result.ok) {
      event.preventDefault();
      setError(result.error === "invalid" ? "invalid_shop" : result.error);
      input.current?.focus();
      return;
    }
    setError(undefined);
    setLeaving(true);
  }

  return (
    <form
      method="get"
      action="/api/shopify/install"
      className="form"
      noValidate
      onSubmit={onSubmit}
    >
      <div className="field">
        <label htmlFor="shop">{t("shopUrl")}</label>
        <input
          ref={input}
          id="shop"
          name="shop"
          value={shop}
          onChange={(e) => setShop(e.target.value)}
          placeholder="my-shop.myshopify.com"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          inputMode="url"
          maxLength={300}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "shop-hint shop-error" : "shop-hint"}
        />
        <span id="shop-hint" className="hint">
          {t("shopUrlHint")}
        </span>
        {error && (
          <p id="shop-error" className="field-error" role="alert">
            {t(`errors.${error}`)}
          </p>
        )}
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-green" disabled={leaving}>
          {leaving ? t("installing") : t("install")}
        </button>
      </div>
    </form>
  );
}
