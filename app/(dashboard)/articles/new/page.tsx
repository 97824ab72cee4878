import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireOrg } from "@/app/_server/context";
import { ArticleForm } from "@/components/articles/article-form";
import { emptyArticleInput } from "@/lib/articles/article-schema";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("articles"))("new") };
}

export default async function NewArticlePage() {
  await requireOrg();
  const t = await getTranslations("articles");
  return (
    <>
      <div className="page-header">
        <Link href="/articles">← {t("back")}</Link>
        <h1>{t("new")}</h1>
        <p>{t("newIntro")}</p>
      </div>
      <ArticleForm defaults={emptyArticleInput} />
    </>
  );
}
