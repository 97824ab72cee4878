"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { toast } from "sonner";
import { registerOnPeppol } from "@/app/(dashboard)/apps/peppol/actions";

/** "Register on Peppol": once, at the access point. */
export function RegisterButton({ disabled }: { disabled: boolean }) {
  const t = useTranslations("peppol");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const register = () =>
    startTransition(async () => {
      const result = await registerOnPeppol();
      if (result.ok) toast.success(t("registration.done"));
      else toast.error(t(result.error));
      router.refresh();
    });
  return (
    <button
      type="button"
      className="btn btn-green"
      onClick={register}
      disabled={disabled || pending}
    >
      {pending ? t("registration.registering") : t("registration.register")}
    </button>
  );
}
