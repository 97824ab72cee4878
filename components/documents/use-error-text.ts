"use client";

import { useTranslations } from "next-intl";

/**
 * Turns an error key from the shared schema or an action into a sentence: shared
 * `validation.*` keys, this namespace's `documents.validation.*` (quantity, amount…),
 * or a full `documents.*` / `common.*` key. Anything else gets a generic "check this".
 */
export function useErrorText() {
  const t = useTranslations();
  return (key: string | undefined): string | undefined => {
    if (!key) return undefined;
    if (key.startsWith("validation.") && t.has(`documents.${key}`)) return t(`documents.${key}`);
    if (t.has(key)) return t(key);
    return t("documents.validation.invalid");
  };
}
