// Small form controls of the filter bar; all uncontrolled, named after their URL parameter.
export const inputClass = "w-full rounded-md border border-field bg-white px-2 py-1.5 text-sm placeholder:text-slate-500 focus:border-accent focus:outline-none";

export function Field({ label, children, hint }: { label: string; children: React.ReactNode; hint?: string }) {
  return (
    <label className="block text-xs">
      <span className="mb-1 block font-semibold uppercase tracking-wide text-muted">{label}</span>
      {children}
      {hint && <span className="mt-0.5 block text-[11px] text-muted">{hint}</span>}
    </label>
  );
}

export function Select({ label, name, value, options, inline = false }: { label: string; name: string; value?: string; options: [string, string][]; inline?: boolean }) {
  const select = (
    <select name={name} defaultValue={value ?? ""} className={inline ? "rounded-md border border-field bg-white px-2 py-1 text-sm" : inputClass}>
      <option value="">Any</option>
      {options.map(([v, text]) => (
        <option key={v} value={v}>{text}</option>
      ))}
    </select>
  );
  if (!inline) return <Field label={label}>{select}</Field>;
  return (
    <label className="flex items-center gap-1.5 text-xs">
      <span className="font-semibold uppercase tracking-wide text-muted">{label}</span>
      {select}
    </label>
  );
}

/** A checkbox styled as a toggle chip; a swatch pairs the severity colour with its name. */
export function Chip({ name, value, checked, swatch, children }: { name: string; value: string; checked: boolean; swatch?: string; children: React.ReactNode }) {
  return (
    <label className="cursor-pointer">
      <input type="checkbox" name={name} value={value} defaultChecked={checked} className="peer sr-only" />
      <span className="inline-flex items-center gap-1 rounded-full bg-canvas px-2.5 py-1 text-xs font-semibold text-ink ring-1 ring-line peer-checked:bg-ink peer-checked:text-white peer-checked:ring-ink peer-focus-visible:outline peer-focus-visible:outline-2 peer-focus-visible:outline-accent">
        {swatch && <span aria-hidden className="inline-block h-2 w-2 rounded-sm" style={{ backgroundColor: swatch }} />}
        {children}
      </span>
    </label>
  );
}
