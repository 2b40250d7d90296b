// How people read a finding key (lib/sync/map/finding-key.ts): code and network keys spelled out,
// vulnerability ids as they are.
export function findingKeyLabel(key: string): string {
  const code = /^code:([^:]*):(.*)$/.exec(key);
  if (code) return `${code[1]}${code[2] ? ` (${code[2].split("+").join(", ")})` : ""}`;
  const net = /^network:([^:]*):(\d*)-(\d*)$/.exec(key);
  if (net) return `${net[1]} port${net[2] === net[3] ? ` ${net[2]}` : `s ${net[2]}–${net[3]}`}`;
  return key;
}
