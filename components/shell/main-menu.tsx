"use client";
// The navigation links and who is signed in: a row from the md breakpoint, behind a "Menu" button
// below it. The button says whether the menu is open (aria-expanded); Escape closes it and returns
// focus to the button.
import { useEffect, useRef, useState } from "react";
import { usePathname } from "next/navigation";
import { adminNavItems, navItems, type NavItem } from "./nav-items";
import { NavLink } from "./nav-link";

export function MainMenu({ admin, children }: { admin: boolean; children?: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const path = usePathname();
  const [seenPath, setSeenPath] = useState(path);
  const button = useRef<HTMLButtonElement>(null);
  if (path !== seenPath) {
    // Following a link closes the menu.
    setSeenPath(path);
    setOpen(false);
  }
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);
  return (
    <>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls="main-menu"
        onClick={() => setOpen((o) => !o)}
        className="ml-auto inline-flex items-center gap-2 rounded-md px-3 py-1.5 text-sm font-medium text-white ring-1 ring-white/30 hover:bg-white/10 md:hidden"
        data-testid="menu-button"
      >
        <svg aria-hidden viewBox="0 0 16 16" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2">
          {open ? <path d="M3 3l10 10M13 3L3 13" /> : <path d="M2 4h12M2 8h12M2 12h12" />}
        </svg>
        Menu
      </button>
      <div id="main-menu" className={`${open ? "flex" : "hidden"} w-full flex-col gap-3 pb-2 md:flex md:w-auto md:flex-1 md:flex-row md:items-center md:pb-0`}>
        <ul className="flex flex-col gap-1 md:flex-row md:flex-wrap md:items-center">
          {([...navItems, ...(admin ? adminNavItems : [])] as NavItem[]).map((item) => (
            <li key={item.href}>
              <NavLink href={item.href} label={item.label} match={item.match} />
            </li>
          ))}
        </ul>
        <div className="flex items-center gap-3 px-3 md:ml-auto md:px-0">{children}</div>
      </div>
    </>
  );
}
