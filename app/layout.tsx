import type { Metadata } from "next";
import { AppHeader } from "@/components/shell/app-header";
import { QueryProvider } from "@/components/shell/query-provider";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Inspectorate", template: "%s · Inspectorate" },
  description: "Amazon Inspector posture across an AWS Organization",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  const demo = process.env.INSPECTORATE_DEMO === "1";
  return (
    <html lang="en">
      <body className="min-h-screen font-sans antialiased">
        <AppHeader demo={demo} />
        <QueryProvider>
          <main className="mx-auto max-w-[1400px] px-6 py-8">{children}</main>
        </QueryProvider>
      </body>
    </html>
  );
}
