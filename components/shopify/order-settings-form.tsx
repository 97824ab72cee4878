"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { toast } from "sonner";
import { saveOrderSettings } from "@/app/(dashboard)/apps/shopify/order-actions";
import {
  ORDER_DOCUMENT_TYPES,
  ORDER_TRIGGERS,
  type OrderSettings,
} from "@/lib/shopify/order-sync/order-settings";

/** Document type, Shopify action and "Send automatically by email", saved together. */
export function OrderSettingsForm({ initial }: { initial: OrderSettings }) {
  const t = useTranslations("shopify.orders");
  const [settings, setSettings] = useState(initial);
  const [pending, startTransition] = useTransition();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const result = await saveOrderSettings(settings);
      if (result.ok) toast.success(t("saved"));
      else toast.error(t("error"));
    });
  };
  return (
    <form className="form" onSubmit={onSubmit}>
      <div className="grid-2">
        <div className="field">
          <label htmlFor="documentType">{t("documentType")}</label>
          <select
            id="documentType"
            value={settings.documentType}
            onChange={(e) =>
              setSettings({
                ...settings,
                documentType: e.target.value as OrderSettings["documentType"],
              })
            }
          >
            {ORDER_DOCUMENT_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`types.${type}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="trigger">{t("trigger")}</label>
          <select
            id="trigger"
            value={settings.trigger}
            onChange={(e) =>
              setSettings({ ...settings, trigger: e.target.value as OrderSettings["trigger"] })
            }
          >
            {ORDER_TRIGGERS.map((trigger) => (
              <option key={trigger} value={trigger}>
                {t(`triggers.${trigger}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field field-checkbox">
        <label>
          <input
            type="checkbox"
            checked={settings.autoSend}
            onChange={(e) => setSettings({ ...settings, autoSend: e.target.checked })}
            aria-describedby="autoSend-hint"
          />{" "}
          {t("autoSend")}
        </label>
        <span id="autoSend-hint" className="hint">
          {t("autoSendHint")}
        </span>
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {t("save")}
        </button>
      </div>
    </form>
  );
}
