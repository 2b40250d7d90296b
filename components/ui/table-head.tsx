// The header row every data table shares: small uppercase labels, numbers right-aligned.
export type TableColumn = string | { label: string; align: "right" };

export function TableHead({ columns }: { columns: TableColumn[] }) {
  return (
    <thead>
      <tr className="border-b border-line text-left text-xs uppercase tracking-wide text-muted">
        {columns.map((c) => {
          const { label, align } = typeof c === "string" ? { label: c, align: undefined } : c;
          return (
            <th key={label} scope="col" className={`px-2 py-2 font-semibold ${align === "right" ? "text-right" : ""}`}>
              {label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
