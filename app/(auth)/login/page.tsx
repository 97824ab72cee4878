import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "./sign-in-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("title") };
}

const knownErrors = ["Verification", "EmailSignin"] as const;

export default async function LoginPage({ searchParams }: PageProps<"/login">) {
  const t = await getTranslations("auth");
  const { error, next } = await searchParams;
  const errorKey =
    typeof error === "string"
      ? (knownErrors as readonly string[]).includes(error)
        ? (error as (typeof knownErrors)[number])
        : "Default"
      : null;
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      {errorKey && (
        <p className="alert" role="alert">
          {t(`errors.${errorKey}`)}
        </p>
      )}
      <SignInForm next={typeof next === "string" ? next : undefined} />
    </>
  );
}
