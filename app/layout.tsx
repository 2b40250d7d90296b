import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requestActor } from "@/lib/auth/request-actor";
import { AppHeader } from "@/components/shell/app-header";
import { QueryProvider } from "@/components/shell/query-provider";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Inspectorate", template: "%s · Inspectorate" },
  description: "Amazon Inspector posture across an AWS Organization",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const demo = process.env.INSPECTORATE_DEMO === "1";
  // Sign-in configured and nobody signed in (or the session expired): off to the identity provider.
  const actor = await requestActor();
  if (!actor) redirect("/auth/signin");
  return (
    <html lang="en">
      <body className="min-h-screen font-sans antialiased">
        <AppHeader demo={demo} actor={actor} />
        <QueryProvider>
          <main className="mx-auto max-w-[1400px] px-6 py-8">{children}</main>
        </QueryProvider>
      </body>
    </html>
  );
}
