// Writing the shared parts of findings' raw JSON (lib/domain/raw-finding-parts.ts): the texts travel
// joined by the ASCII record separator (JSON escapes every control character), the ids beside them.
/** Between the texts of one parameter: JSON text never contains it unescaped. */
export const RAW_SEPARATOR = "\x1e";
const SEPARATOR = Buffer.from(RAW_SEPARATOR, "latin1");

/** Texts joined by the record separator, refused if one holds it (a separator means the text was
 *  built elsewhere than from JSON). */
export function recordSeparated(texts: Buffer[], whose: (i: number) => string): Buffer {
  const out = new Array<Buffer>(Math.max(0, 2 * texts.length - 1));
  texts.forEach((t, i) => {
    if (t.includes(0x1e)) throw new Error(`${whose(i)}: raw JSON contains an unescaped record separator`);
    if (i > 0) out[2 * i - 1] = SEPARATOR;
    out[2 * i] = t;
  });
  return Buffer.concat(out);
}

/** Inserts the parts whose ids are the uuid[] parameter `ids` and texts the record-separated
 *  parameter `docs` (those passing `where`, on `p.id`); a part already held is left as it is (same id,
 *  same text). In id order, so two statements inserting the same parts wait for each other instead
 *  of deadlocking. */
export const insertRawPartsSql = (ids: string, docs: string, where = "true") => `
  INSERT INTO finding_raw_parts (id, doc)
  SELECT p.id, p.doc FROM ROWS FROM (unnest(${ids}::uuid[]), string_to_table(${docs}::text, chr(30))) AS p(id, doc)
  WHERE ${where}
  ORDER BY p.id
  ON CONFLICT (id) DO NOTHING`;
