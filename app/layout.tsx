import type { Metadata, Viewport } from "next";
import { redirect } from "next/navigation";
import { requestActor } from "@/lib/auth/request-actor";
import { AppHeader } from "@/components/shell/app-header";
import { QueryProvider } from "@/components/shell/query-provider";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Inspectorate", template: "%s · Inspectorate" },
  description: "Amazon Inspector posture across an AWS Organization",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const demo = process.env.INSPECTORATE_DEMO === "1";
  // Sign-in configured and nobody signed in (or the session expired): off to the identity provider.
  const actor = await requestActor();
  if (!actor) redirect("/auth/signin");
  return (
    <html lang="en">
      <body className="min-h-screen font-sans antialiased">
        <a href="#main" className="sr-only rounded-md bg-panel px-3 py-2 text-sm font-semibold text-accent focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50">
          Skip to content
        </a>
        <AppHeader demo={demo} actor={actor} />
        <QueryProvider>
          <main id="main" tabIndex={-1} className="mx-auto max-w-[1400px] px-4 py-6 focus:outline-none sm:px-6 sm:py-8">{children}</main>
        </QueryProvider>
      </body>
    </html>
  );
}
