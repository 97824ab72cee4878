"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { removeLogo, uploadLogo } from "@/app/(dashboard)/settings/actions";
import { maxLogoBytes } from "@/lib/company/logo";

export function LogoForm({ hasLogo, version }: { hasLogo: boolean; version: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const submit = (formData: FormData) => {
    // Checked here first: a photo of several MB would otherwise hit the request size
    // limit before the server could explain anything.
    const file = formData.get("logo");
    if (!(file instanceof File) || file.size === 0) return setError("validation.logoMissing");
    if (!["image/png", "image/jpeg"].includes(file.type)) return setError("validation.logoType");
    if (file.size > maxLogoBytes) return setError("validation.logoSize");
    startTransition(async () => {
      const result = await uploadLogo(formData);
      if (result.ok) {
        setError(null);
        toast.success(t("company.logoSaved"));
        router.refresh();
      } else {
        setError(result.fieldErrors.logo ?? "common.error");
      }
    });
  };

  return (
    <div className="card">
      <h2>{t("company.logo")}</h2>
      {hasLogo ? (
        // eslint-disable-next-line @next/next/no-img-element -- private, per-organisation image
        <img src={`/api/logo?v=${version}`} alt={t("company.logoAlt")} className="logo-preview" />
      ) : (
        <p className="muted">{t("company.noLogo")}</p>
      )}
      <form action={submit} className="form" style={{ marginTop: "0.75rem" }}>
        <div className="field">
          <label htmlFor="logo">{t("company.logoUpload")}</label>
          <input
            id="logo"
            name="logo"
            type="file"
            accept="image/png,image/jpeg"
            aria-describedby="logo-hint"
            aria-invalid={error ? true : undefined}
          />
          <span id="logo-hint" className="hint">
            {t("company.logoHint")}
          </span>
          {error && (
            <p className="field-error" role="alert">
              {t(error as "validation.logoType")}
            </p>
          )}
        </div>
        <div className="form-actions">
          <button type="submit" className="btn" disabled={pending}>
            {t("company.logoUpload")}
          </button>
          {hasLogo && (
            <button
              type="button"
              className="btn-link"
              disabled={pending}
              onClick={() =>
                startTransition(async () => {
                  await removeLogo();
                  toast.success(t("company.logoRemoved"));
                  router.refresh();
                })
              }
            >
              {t("company.logoRemove")}
            </button>
          )}
        </div>
      </form>
    </div>
  );
}
