// How the sync benches print a number: grouped digits, a fixed number of decimals, and "—" for a
// figure the run could not measure (NaN: e.g. the CPU of a PostgreSQL server on another machine).
export const fmt = (n: number, d = 0) =>
  Number.isNaN(n) ? "—" : n.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d });
