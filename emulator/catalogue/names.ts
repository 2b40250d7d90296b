// Organization naming. Small orgs get a curated list; larger ones repeat the patterns
// with numeric suffixes so every account name stays unique.

export interface AccountSpec {
  name: string;
  ou: string;
  team: string;
  owner: string;
  environment: string;
}

export const OUS = ["Security", "Infrastructure", "Production", "Staging", "Development", "Sandbox"] as const;

const CURATED: AccountSpec[] = [
  { name: "security-tooling", ou: "Security", team: "security", owner: "priya.raman@example.com", environment: "security" },
  { name: "prod-payments", ou: "Production", team: "payments", owner: "marco.bianchi@example.com", environment: "production" },
  { name: "prod-identity", ou: "Production", team: "identity", owner: "aisha.khan@example.com", environment: "production" },
  { name: "staging-data", ou: "Staging", team: "data", owner: "lena.fischer@example.com", environment: "staging" },
  { name: "prod-checkout", ou: "Production", team: "checkout", owner: "tom.okafor@example.com", environment: "production" },
  { name: "sandbox-alice", ou: "Sandbox", team: "platform", owner: "alice.martin@example.com", environment: "sandbox" },
  { name: "shared-networking", ou: "Infrastructure", team: "platform", owner: "sam.lee@example.com", environment: "shared" },
  { name: "prod-data-platform", ou: "Production", team: "data", owner: "lena.fischer@example.com", environment: "production" },
  { name: "staging-payments", ou: "Staging", team: "payments", owner: "marco.bianchi@example.com", environment: "staging" },
  { name: "dev-mobile", ou: "Development", team: "mobile", owner: "yuki.tanaka@example.com", environment: "development" },
  { name: "log-archive", ou: "Security", team: "security", owner: "priya.raman@example.com", environment: "security" },
  { name: "sandbox-bob", ou: "Sandbox", team: "ml", owner: "bob.nguyen@example.com", environment: "sandbox" },
];

const TEAMS = ["payments", "identity", "checkout", "data", "platform", "search", "mobile", "ml", "billing", "fraud", "growth", "media", "logistics", "support"];
const PEOPLE = ["alice.martin", "bob.nguyen", "carla.souza", "dev.patel", "emma.wilson", "farid.haddad", "grace.kim", "hugo.laurent", "ines.garcia", "jonas.berg", "kofi.mensah", "lucia.rossi", "mei.chen", "nils.andersen"];
const PREFIX: Record<string, string> = { Production: "prod", Staging: "staging", Development: "dev", Sandbox: "sandbox", Infrastructure: "shared", Security: "security" };
const ENV: Record<string, string> = { Production: "production", Staging: "staging", Development: "development", Sandbox: "sandbox", Infrastructure: "shared", Security: "security" };
const ROTATION = ["Production", "Production", "Staging", "Development", "Sandbox", "Production", "Staging", "Infrastructure"];

/** `count` member account specs; index 0 is always the delegated administrator. */
export function accountSpecs(count: number): AccountSpec[] {
  const out = CURATED.slice(0, Math.min(count, CURATED.length));
  for (let i = out.length; i < count; i++) {
    const ou = ROTATION[i % ROTATION.length];
    const team = TEAMS[(i * 7) % TEAMS.length];
    const person = PEOPLE[(i * 5) % PEOPLE.length];
    const stem = ou === "Sandbox" ? person.split(".")[0] : team;
    out.push({ name: `${PREFIX[ou]}-${stem}-${i}`, ou, team, owner: `${person}@example.com`, environment: ENV[ou] });
  }
  return out;
}
