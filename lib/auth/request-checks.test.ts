import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { allowedHosts, checkJsonBody, checkOrigin, hostAllowed, nulParameter } from "./request-checks";
import { errorResponse } from "./app-error";
import { actionError } from "./guard-action";
import { can } from "./permissions";
import { bearerSecret } from "./api-token-secret";

const h = (o: Record<string, string>) => new Headers(o);

describe("request checks", () => {
  it("defaults the Host allow-list to where the app listens (+ loopback names and the public URL)", () => {
    expect(allowedHosts(parseEnv({ PORT: "3204" }))).toEqual(["127.0.0.1:3204", "localhost:3204", "[::1]:3204"]);
    expect(allowedHosts(parseEnv({ INSPECTORATE_ALLOWED_HOSTS: "dash.example.com, 10.0.0.5:8080" }))).toEqual(["dash.example.com", "10.0.0.5:8080"]);
    const allowed = ["127.0.0.1:3000", "dash.example.com"];
    expect(hostAllowed("127.0.0.1:3000", allowed)).toBe(true);
    expect(hostAllowed("dash.example.com:443", allowed)).toBe(true);
    expect(hostAllowed("127.0.0.1:3001", allowed)).toBe(false);
    expect(hostAllowed("rebind.attacker.example:3000", allowed)).toBe(false);
    expect(hostAllowed(null, allowed)).toBe(false);
  });

  it("names the part of a URL that holds a NUL character, which no query can bind", () => {
    const at = (u: string) => nulParameter(new URL(u, "http://127.0.0.1:3000"));
    expect(at("/findings?resource=i-0abc&severity=HIGH&tag=env:%5C0")).toBeNull();
    expect(at("/findings?severity=HIGH&resource=a%00b")).toBe("resource");
    expect(at("/api/findings?x%00y=1")).toBe("x\ufffdy");
    expect(at("/findings/arn%00x")).toBe("path");
    expect(at("/findings/%E0%A4%A?q=1")).toBeNull(); // a path that does not decode is not a NUL
  });

  it("answers a database's refusal of a NUL in a bound text as invalid input, not an internal error", async () => {
    const refused = Object.assign(new Error("invalid byte sequence for encoding \"UTF8\": 0x00"), { code: "22021" });
    const res = errorResponse(refused);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: expect.stringMatching(/NUL character \(U\+0000\)/), code: "invalid" });
    expect(errorResponse(Object.assign(new Error("x"), { code: "57014" })).status).toBe(500);
    // A form's text (server actions): the same words in the form's state, not "something went wrong".
    expect(actionError(Object.assign(new Error("unsupported Unicode escape sequence"), { code: "22P05" }))).toMatch(/NUL character \(U\+0000\)/);
  });

  it("refuses another site's Origin or Sec-Fetch-Site, and a write that is not JSON", () => {
    const url = "http://127.0.0.1:3000/api/sync", allowed = ["127.0.0.1:3000"];
    expect(() => checkOrigin(h({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" }), url, allowed)).not.toThrow();
    expect(() => checkOrigin(h({ host: "127.0.0.1:3000" }), url, allowed)).not.toThrow(); // curl: not a browser
    expect(() => checkOrigin(h({ host: "127.0.0.1:3000", origin: "http://evil.example" }), url, allowed)).toThrow(/cross-origin/);
    expect(() => checkOrigin(h({ host: "127.0.0.1:3000", origin: "null" }), url, allowed)).toThrow(/cross-origin/);
    expect(() => checkOrigin(h({ host: "127.0.0.1:3000", "sec-fetch-site": "cross-site" }), url, allowed)).toThrow(/cross-site/);
    expect(() => checkJsonBody(h({ "content-type": "application/json; charset=utf-8" }))).not.toThrow();
    expect(() => checkJsonBody(h({}))).not.toThrow(); // an empty POST
    expect(() => checkJsonBody(h({ "content-type": "text/plain;charset=UTF-8" }))).toThrow(/application\/json/);
    expect(() => checkJsonBody(h({ "content-type": "multipart/form-data; boundary=x" }))).toThrow();
  });

  it("keeps permissions in one table", () => {
    expect(can("viewer", "read")).toBe(true);
    expect(can("viewer", "sync")).toBe(false);
    expect(can("analyst", "exceptions")).toBe(true);
    expect(can("analyst", "tokens")).toBe(false);
    expect(can("admin", "audit")).toBe(true);
  });

  it("reads only well-formed bearer secrets", () => {
    expect(bearerSecret(null)).toBeNull();
    expect(bearerSecret("Basic abc")).toBe("");
    expect(bearerSecret(`Bearer insp_${"a".repeat(43)}`)).toBe(`insp_${"a".repeat(43)}`);
  });
});

describe("local mode", () => {
  it("is refused on a non-loopback HOST without sign-in, in the config schema", () => {
    expect(() => parseEnv({ HOST: "0.0.0.0" })).toThrow(/^HOST: local mode/);
    expect(() => parseEnv({ HOST: "::1" })).not.toThrow();
    expect(() => parseEnv({ HOST: "localhost" })).not.toThrow();
  });
});
