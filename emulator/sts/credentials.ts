import { randomBytes } from "node:crypto";

// Sessions issued by AssumeRole. Keys are random (they are secrets, not world data);
// expiry is real wall-clock time because SDK clients refresh on the real clock.

export interface Session {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiresAtMs: number;
  roleArn: string;
  sessionName: string;
}

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const keyChars = (n: number) => Array.from(randomBytes(n), (b) => ALNUM[b % 32]).join("");

export class CredentialStore {
  private sessions = new Map<string, Session>();

  issue(roleArn: string, sessionName: string, durationSeconds: number): Session {
    const s: Session = {
      accessKeyId: `ASIA${keyChars(16)}`,
      secretAccessKey: randomBytes(30).toString("base64"),
      sessionToken: `IQoJb3JpZ2luX2VjE${randomBytes(96).toString("base64")}`,
      expiresAtMs: Date.now() + durationSeconds * 1000,
      roleArn,
      sessionName,
    };
    this.sessions.set(s.accessKeyId, s);
    return s;
  }

  lookup(accessKeyId: string): Session | undefined {
    return this.sessions.get(accessKeyId);
  }
}
