"use client";
// An account field with suggestions for what is typed (an id's start or part of a name) asked of
// /api/accounts/suggest, so no page carries the organization's whole account list. Two uses:
// - the explorer's Accounts filter (a form field `name`): ids comma separated, as the URL holds them;
//   a suggestion takes the place of the part being typed;
// - one account to go to (`onChoose`, the review's "By account"): a suggestion is chosen at once.
// A combobox in the ARIA pattern: arrows move through the suggestions, Enter or a click takes one,
// Escape closes.
import { useEffect, useId, useRef, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import type { AccountSuggestion } from "@/lib/queries/accounts/account-suggestions";
import { inputClass } from "./filter-fields";

/** The part after the last comma: what the suggestions are for. */
export const typedPart = (value: string) => value.slice(value.lastIndexOf(",") + 1).trim();

/** The value with its typed part replaced by the chosen id, ready for the next one. */
export function withChosen(value: string, id: string): string {
  const kept = value.slice(0, value.lastIndexOf(",") + 1).split(",").map((s) => s.trim()).filter(Boolean);
  return [...kept.filter((k) => k !== id), id].join(", ") + ", ";
}

function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}

export function AccountPicker({ label, defaultValue, name, onChoose, hideLabel = false, className = "block" }: {
  label: string; defaultValue: string; name?: string; onChoose?: (a: AccountSuggestion) => void; hideLabel?: boolean; className?: string;
}) {
  const many = !onChoose;
  const typedOf = (v: string) => (many ? typedPart(v) : v.trim());
  const [value, setValue] = useState(defaultValue);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const inputId = `${listId}-input`;
  const typed = useDebounced(typedOf(value), 150);
  const query = useQuery({
    queryKey: ["account-suggestions", typed],
    queryFn: async ({ signal }): Promise<AccountSuggestion[]> => {
      const res = await fetch(`/api/accounts/suggest?q=${encodeURIComponent(typed)}`, { signal });
      if (!res.ok) throw new Error(((await res.json().catch(() => ({}))) as { error?: string }).error ?? `answered ${res.status}`);
      return ((await res.json()) as { accounts: AccountSuggestion[] }).accounts;
    },
    enabled: open,
    staleTime: 60_000,
  });
  const chosen = new Set(many ? value.split(",").map((s) => s.trim()) : []);
  const options = (query.data ?? []).filter((a) => !chosen.has(a.id) || a.id === typedOf(value));
  const shown = open && (options.length > 0 || query.isError || (query.isSuccess && typed !== ""));
  const choose = (a: AccountSuggestion) => {
    setActive(-1);
    if (onChoose) {
      setValue(a.id);
      setOpen(false);
      onChoose(a);
      return;
    }
    setValue(withChosen(value, a.id));
    input.current?.focus();
  };
  return (
    // Not inside a <label> as the other fields are: the label's text would then name the combobox with every suggestion.
    <div className={`relative text-xs ${className}`}>
      <label htmlFor={inputId} className={hideLabel ? "sr-only" : "mb-1 block font-semibold uppercase tracking-wide text-muted"}>{label}</label>
      <input
        ref={input}
        id={inputId}
        name={name}
        value={value}
        onChange={(e) => {
          setValue(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown" || e.key === "ArrowUp") {
            e.preventDefault();
            setOpen(true);
            if (options.length) setActive((i) => (e.key === "ArrowDown" ? (i + 1) % options.length : (i <= 0 ? options.length : i) - 1));
          } else if (e.key === "Enter" && shown && active >= 0 && options[active]) {
            e.preventDefault(); // in the filter, choosing is not applying: Enter again (or Apply) applies
            choose(options[active]);
          } else if (e.key === "Escape") {
            // Closes even while suggestions are still loading: they must not open later and take the next Enter.
            if (shown) e.preventDefault();
            setOpen(false);
          }
        }}
        role="combobox"
        aria-expanded={shown}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={shown && active >= 0 ? `${listId}-${active}` : undefined}
        autoComplete="off"
        placeholder={many ? "id or name; several comma separated" : "account id or name"}
        className={`${inputClass} font-mono`}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="Matching accounts"
        hidden={!shown}
        className="absolute left-0 z-20 mt-1 w-max min-w-full max-w-[min(24rem,calc(100vw-4rem))] max-h-72 overflow-auto rounded-md border border-line bg-white py-1 text-sm shadow-lg"
      >
        {options.map((a, i) => (
          <li
            key={a.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            // mousedown, not click: the input keeps its focus, so the list is not closed by its blur first
            onMouseDown={(e) => {
              e.preventDefault();
              choose(a);
            }}
            // mousemove, not mouseenter: a list opening under a resting pointer gets a mouseenter, and
            // Enter would then take that suggestion rather than apply what was typed
            onMouseMove={() => active !== i && setActive(i)}
            className={`flex cursor-pointer items-baseline justify-between gap-3 px-2 py-1.5 ${i === active ? "bg-accent text-white" : "text-ink"}`}
          >
            <span className="truncate font-sans">{a.name ?? "(no name)"}</span>
            <span className={`shrink-0 font-mono text-xs ${i === active ? "text-white" : "text-muted"}`}>{a.id}</span>
          </li>
        ))}
        {query.isError && <li role="presentation" className="px-2 py-1.5 text-red-800">Could not search accounts: {query.error.message}</li>}
        {query.isSuccess && !options.length && typed !== "" && (
          <li role="presentation" className="px-2 py-1.5 text-muted">
            {query.data.length ? `Every account matching “${typed}” is already in the field` : `No account in your scope matches “${typed}”`}
          </li>
        )}
      </ul>
    </div>
  );
}
