import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import { MainMenu } from "./main-menu";
import { SignedInAs } from "./signed-in-as";

export function AppHeader({ demo, actor }: { demo: boolean; actor: Actor }) {
  return (
    <header className="bg-[#16213a] text-white">
      <nav data-shell-nav aria-label="Main" className="mx-auto flex max-w-[1400px] flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="flex items-center gap-2 text-base font-semibold tracking-tight">
          <span aria-hidden className="inline-block h-5 w-5 rounded bg-gradient-to-br from-[#e69f00] to-[#9b1c31]" />
          Inspectorate
        </Link>
        {demo && (
          <span
            data-testid="demo-badge"
            title="No AWS configuration: showing the bundled emulator's demo organization"
            className="rounded-full border border-amber-300/60 bg-amber-300/15 px-3 py-1 text-xs font-semibold text-amber-200 md:order-last"
          >
            Demo data
          </span>
        )}
        <MainMenu admin={actor.role === "admin"}>
          <SignedInAs actor={actor} />
        </MainMenu>
      </nav>
    </header>
  );
}
