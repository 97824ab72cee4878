import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("documents"))("title") };
}

export default async function Page() {
  const t = await getTranslations("documents");
  return (
    <>
      <div className="page-header">
        <h1>{t("title")}</h1>
      </div>
      <EmptyState
        title={t("emptyTitle")}
        text={t("emptyText")}
        action={{ href: "/apps", label: t("emptyAction") }}
      />
    </>
  );
}
