import { notFound } from "next/navigation";
import { getConfig } from "@/lib/config/env";

export const dynamic = "force-dynamic";

/** The local outbox exists only when no mail provider is configured. */
export default function OutboxLayout({ children }: { children: React.ReactNode }) {
  if (getConfig().EMAIL_TRANSPORT !== "outbox") notFound();
  return (
    <main className="main" style={{ margin: "0 auto" }}>
      {children}
    </main>
  );
}
