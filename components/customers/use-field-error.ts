"use client";

import { useTranslations } from "next-intl";
import type { FieldError } from "react-hook-form";

/**
 * TextField translates the shell's `validation.*` keys itself; this also translates a
 * namespace's own keys (`customers.validation.*`, `articles.validation.*`) before they
 * reach it, so every error the schema gives is shown in the reader's language.
 */
export function useFieldError() {
  const t = useTranslations();
  return (error: FieldError | undefined): FieldError | undefined =>
    error?.message && !error.message.startsWith("validation.")
      ? { ...error, message: t(error.message) }
      : error;
}
