"use client";
// A wide table or chart scrolls sideways inside its own box, never the page. While it overflows,
// the box is a named, focusable region so keyboard users can scroll it too. `relative` keeps
// absolutely placed descendants (sr-only labels) inside the box instead of widening the page.
import { useEffect, useRef, useState } from "react";

export function ScrollArea({ label, children, className = "" }: { label: string; children: React.ReactNode; className?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setScrolls(el.scrollWidth > el.clientWidth + 1);
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    measure();
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={box}
      role={scrolls ? "region" : undefined}
      aria-label={scrolls ? `${label} (scrolls sideways)` : undefined}
      tabIndex={scrolls ? 0 : undefined}
      data-scroll-area
      className={`relative max-w-full overflow-x-auto ${className}`}
    >
      {children}
    </div>
  );
}
