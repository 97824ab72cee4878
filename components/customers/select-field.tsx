"use client";

import { useTranslations } from "next-intl";
import type { FieldError, UseFormRegisterReturn } from "react-hook-form";

/** Label, select, hint and error: the select counterpart of components/ui/text-field. */
export function SelectField({
  label,
  hint,
  registration,
  error,
  options,
}: {
  label: string;
  hint?: string;
  registration: UseFormRegisterReturn;
  error?: FieldError;
  options: readonly { value: string; label: string }[];
}) {
  const t = useTranslations();
  const id = registration.name;
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        {...registration}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy.length ? describedBy.join(" ") : undefined}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
      {error?.message && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {t(error.message)}
        </p>
      )}
    </div>
  );
}
