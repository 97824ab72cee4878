"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { toast } from "sonner";
import { registerOnPeppol } from "@/app/(dashboard)/apps/peppol/actions";

/**
 * "Register on Peppol": once, at the access point. `activate`: the Peppol app is switched
 * on first (a document's notice, onboarding), so one click is all it takes; invoices that
 * waited for the registration then go. `next`: where to go once registered.
 */
export function RegisterButton({
  disabled = false,
  activate = false,
  next,
}: {
  disabled?: boolean;
  activate?: boolean;
  next?: "/documents" | "/apps/shopify";
}) {
  const t = useTranslations("peppol");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const register = () =>
    startTransition(async () => {
      const result = await registerOnPeppol(activate);
      if (result.ok) toast.success(t("registration.done"));
      else toast.error(t(result.error));
      if (result.ok && next) router.push(next);
      else router.refresh();
    });
  return (
    <button
      type="button"
      className="btn btn-green"
      onClick={register}
      disabled={disabled || pending}
      data-testid="peppol-register"
    >
      {pending ? t("registration.registering") : t("registration.register")}
    </button>
  );
}
