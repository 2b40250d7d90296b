// The launcher that hosts the embedded database writes its URL here, so a second process
// (`npm run sync`, a benchmark) can connect to it instead of failing on the directory lock.
import fs from "node:fs";
import path from "node:path";

export const embeddedUrlFile = (dataDir: string) => path.join(dataDir, "embedded-url");

export function readEmbeddedUrl(dataDir: string): string | undefined {
  const file = embeddedUrlFile(dataDir);
  if (!fs.existsSync(file)) return undefined;
  const [pid, url] = fs.readFileSync(file, "utf8").trim().split(" ");
  try {
    process.kill(Number(pid), 0);
    return url;
  } catch {
    return undefined; // the launcher is gone; the directory is free to open
  }
}

export function writeEmbeddedUrl(dataDir: string, url: string): void {
  fs.writeFileSync(embeddedUrlFile(dataDir), `${process.pid} ${url}\n`, { mode: 0o600 });
}
