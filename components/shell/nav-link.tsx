"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

export function NavLink({ href, label, match }: { href: string; label: string; match?: string }) {
  const path = usePathname();
  const active = href === "/" ? path === "/" : path.startsWith(match ?? href);
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={`block rounded-md px-3 py-1.5 text-sm font-medium ${
        active ? "bg-white/15 text-white" : "text-slate-300 hover:bg-white/10 hover:text-white"
      }`}
    >
      {label}
    </Link>
  );
}
