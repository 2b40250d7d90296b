import Link from "next/link";
import { navItems } from "./nav-items";
import { NavLink } from "./nav-link";

export function AppHeader({ demo }: { demo: boolean }) {
  return (
    <header className="bg-[#16213a] text-white">
      <nav data-shell-nav aria-label="Main" className="mx-auto flex max-w-[1400px] items-center gap-6 px-6 py-3">
        <Link href="/" className="flex items-center gap-2 text-base font-semibold tracking-tight">
          <span aria-hidden className="inline-block h-5 w-5 rounded bg-gradient-to-br from-[#e66101] to-[#b2182b]" />
          Inspectorate
        </Link>
        <div className="flex flex-wrap items-center gap-1">
          {navItems.map((item) => (
            <NavLink key={item.href} href={item.href} label={item.label} />
          ))}
        </div>
        {demo && (
          <span
            data-testid="demo-badge"
            title="No AWS configuration: showing the bundled emulator's demo organization"
            className="ml-auto rounded-full border border-amber-300/60 bg-amber-300/15 px-3 py-1 text-xs font-semibold text-amber-200"
          >
            Demo data
          </span>
        )}
      </nav>
    </header>
  );
}
