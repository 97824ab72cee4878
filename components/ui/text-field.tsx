"use client";

import { useTranslations } from "next-intl";
import type { InputHTMLAttributes } from "react";
import type { FieldError, UseFormRegisterReturn } from "react-hook-form";

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "name"> {
  label: string;
  hint?: string;
  registration: UseFormRegisterReturn;
  error?: FieldError;
}

/** Schemas return i18n keys (`validation.required`, `numbering.errors.days`), never prose. */
function isMessageKey(message: string): boolean {
  return /^[a-z][\w-]*(\.[\w-]+)+$/.test(message);
}

/** Label, input, hint and the field's error (an i18n key from the shared zod schema). */
export function TextField({ label, hint, registration, error, id, ...input }: TextFieldProps) {
  const tv = useTranslations();
  const fieldId = id ?? registration.name;
  const describedBy = [hint && `${fieldId}-hint`, error && `${fieldId}-error`].filter(Boolean);
  return (
    <div className="field">
      <label htmlFor={fieldId}>{label}</label>
      <input
        id={fieldId}
        {...input}
        {...registration}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy.length ? describedBy.join(" ") : undefined}
      />
      {hint && (
        <span id={`${fieldId}-hint`} className="hint">
          {hint}
        </span>
      )}
      {error?.message && (
        <p id={`${fieldId}-error`} className="field-error" role="alert">
          {isMessageKey(error.message) ? tv(error.message as "validation.required") : error.message}
        </p>
      )}
    </div>
  );
}
