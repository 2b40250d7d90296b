// How a command-line tool that opens the database ends: its exit code, or one line on stderr for
// an error (78 for a config error), never the database URL or its password (a driver or engine
// error may quote it).
import { ConfigError } from "@/lib/env";
import { redactDatabaseText } from "./redact-url";

export function exitWhenDone(name: string, main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (err) => {
      if (err instanceof ConfigError) {
        console.error(`inspectorate ${name}: config error: ${err.message}`);
        process.exit(78);
      }
      console.error(`inspectorate ${name}: ${redactDatabaseText(err instanceof Error ? err.message : String(err), process.env.DATABASE_URL)}`);
      process.exit(1);
    },
  );
}
