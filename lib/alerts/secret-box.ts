// Channel secrets at rest: AES-256-GCM with the key from INSPECTORATE_SECRETS_KEY. Stored as
// "v1.<iv>.<tag>.<ciphertext>" (base64url); a wrong key or a changed byte fails to open.
import crypto from "node:crypto";
import { ConfigError, env, secretsKeyBytes } from "@/lib/env";

export function secretsKey(): Buffer {
  const raw = env().INSPECTORATE_SECRETS_KEY;
  const key = raw ? secretsKeyBytes(raw) : null;
  if (!key) throw new ConfigError("INSPECTORATE_SECRETS_KEY is not set: channels need it to encrypt their secrets (32 bytes, e.g. `openssl rand -base64 32`)");
  return key;
}

export function sealSecret(plain: unknown, key: Buffer = secretsKey()): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(plain), "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), body].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

export function openSecret(sealed: string, key: Buffer = secretsKey()): unknown {
  const [v, iv, tag, body] = sealed.split(".");
  if (v !== "v1" || !iv || !tag || body === undefined) throw new Error("not a sealed secret");
  const decipher = crypto.createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  const plain = Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]);
  return JSON.parse(plain.toString("utf8"));
}
