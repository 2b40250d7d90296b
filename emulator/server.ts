import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { createRng } from "./prng";
import { createWorld } from "./world/create-world";
import { advanceDays } from "./world/advance";
import { ApiError } from "./http/errors";
import { parseScope, readBody, serviceOf, type EmuRequest } from "./http/request";
import { Throttle } from "./http/throttle";
import { CredentialStore } from "./sts/credentials";
import { handleSts, stsAction, stsErrorXml } from "./sts/sts";
import { handleOrganizations } from "./organizations/organizations";
import { ROUTES } from "./inspector/routes";
import { handleControl } from "./control";
import type { Quirks, World } from "./world/types";
import { applyChange, type WorldChange } from "./world/account-events";

// One endpoint for Inspector2 (restJson1), STS (query/XML) and Organizations (JSON 1.1),
// told apart by the SigV4 credential scope. Every handler is wrapped: no input crashes it.

export interface EmulatorOptions {
  port?: number;
  host?: string;
  seed?: number;
  accounts?: number;
  regions?: string[];
  findings?: number;
  historyWeeks?: number;
  closedRetentionDays?: number;
  /** Scales a simulated day's changes (1 = the default, ~4% of findings). */
  dailyChurn?: number;
  throttle?: Partial<Record<string, number>>;
  faultRate?: number;
  latencyMs?: number;
  deniedRegions?: string[];
  /** Actions the role's policy does not allow, e.g. "organizations:ListRoots": AccessDeniedException. */
  deniedActions?: string[];
  /** ListFindings requests filtering on any of these accounts answer 500 (one failing partition). */
  failingAccounts?: string[];
  now?: Date;
  /** Real AWS's quirks (world/quirks.ts); all off by default, as in the demo. */
  quirks?: Partial<Quirks>;
}

export interface EmulatorHandle {
  url: string;
  port: number;
  adminAccountId: string;
  managementAccountId: string;
  roleArn: string;
  externalId: string;
  baseCredentials: { accessKeyId: string; secretAccessKey: string };
  /** The app's clock: AWS's (the world's) less quirks.clockSkewSeconds. */
  now(): Date;
  advance(days: number): Promise<void>;
  /** Every account of the organization, management and admin included. */
  accountIds(): string[];
  /** One world change real AWS makes (world/account-events.ts); false when it does not apply. */
  change(change: WorldChange, accountId: string, pick?: number): boolean;
  setOptions(patch: Partial<Pick<EmulatorOptions, "throttle" | "faultRate" | "latencyMs" | "deniedRegions" | "deniedActions" | "failingAccounts">>): void;
  stats(): { requests: Record<string, number>; throttled: number; faults: number };
  close(): Promise<void>;
}

export type RuntimeOptions = Required<Pick<EmulatorOptions, "faultRate" | "latencyMs" | "deniedRegions" | "deniedActions" | "failingAccounts">>;

export interface Emulator {
  world: World;
  handle: EmulatorHandle;
  runtime: RuntimeOptions;
  throttle: Throttle;
  counters: { requests: Record<string, number>; throttled: number; faults: number };
}

export const EXTERNAL_ID = "inspectorate-demo";
const BASE_KEY = "AKIAINSPECTORATEDEMO";
const BASE_SECRET = "inspectorateDemoSecretKeyNotARealSecret00";

export async function startEmulator(opts: EmulatorOptions = {}): Promise<EmulatorHandle> {
  const world = createWorld({
    seed: opts.seed ?? 42, accounts: opts.accounts ?? 12, regions: opts.regions ?? ["us-east-1", "eu-west-1", "ap-southeast-2"],
    findings: opts.findings ?? 6000, historyWeeks: opts.historyWeeks ?? 12, closedRetentionDays: opts.closedRetentionDays ?? 30,
    dailyChurn: opts.dailyChurn, now: opts.now ?? new Date(), quirks: opts.quirks,
  });
  const admin = world.accounts[world.adminIndex].id;
  const roleArn = `arn:aws:iam::${admin}:role/InspectorateReadOnly`;
  const store = new CredentialStore();
  const faultRng = createRng(world.seed, 0xfa17);
  const emu: Emulator = {
    world, throttle: new Throttle(opts.throttle ?? {}),
    runtime: { faultRate: opts.faultRate ?? 0, latencyMs: opts.latencyMs ?? 0, deniedRegions: opts.deniedRegions ?? [], deniedActions: opts.deniedActions ?? [], failingAccounts: opts.failingAccounts ?? [] },
    counters: { requests: {}, throttled: 0, faults: 0 },
    handle: undefined as unknown as EmulatorHandle,
  };
  const count = (op: string) => (emu.counters.requests[op] = (emu.counters.requests[op] ?? 0) + 1);

  async function dispatch(r: EmuRequest, res: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    const svc = serviceOf(r);
    if (svc === "control") return sendJson(res, 200, await handleControl(emu, r), requestId);
    if (svc === "unknown") throw new ApiError(404, "UnknownOperationException", `No operation matches ${r.method} ${r.path}`);
    const region = r.scope?.region ?? "us-east-1";
    const session = r.scope ? store.lookup(r.scope.accessKeyId) : undefined;
    if (svc === "sts") {
      const op = stsAction(r.body) || "STS";
      count(op);
      try {
        await gate(op, region, false);
        const xml = handleSts({ store, roleArn, externalId: EXTERNAL_ID, adminAccountId: admin, baseUserArn: `arn:aws:iam::${admin}:user/inspectorate-demo`, accessKeyId: r.scope?.accessKeyId }, r.body, requestId);
        return send(res, 200, xml, "text/xml", requestId);
      } catch (e) {
        const err = e instanceof ApiError ? e : new ApiError(500, "InternalFailure", "Internal failure");
        const status = err.code === "ThrottlingException" ? 400 : err.status;
        const code = err.code === "ThrottlingException" ? "Throttling" : err.code;
        return send(res, status, stsErrorXml(new ApiError(status, code, err.message), requestId), "text/xml", requestId, err.headers);
      }
    }
    if (svc === "organizations") {
      const op = (r.headers["x-amz-target"] ?? "").split(".")[1] ?? "Unknown";
      count(op);
      try {
        authorise(r, session, `organizations:${op}`);
        await gate(op, region, true);
        const body = parseJson(r.body, "InvalidInputException");
        return send(res, 200, JSON.stringify(handleOrganizations(world, op, body)), "application/x-amz-json-1.1", requestId);
      } catch (e) {
        const err = e instanceof ApiError ? e : new ApiError(500, "ServiceException", "The service encountered an internal error.");
        const code = err.code === "ThrottlingException" ? "TooManyRequestsException" : err.code === "InternalServerException" ? "ServiceException" : err.code;
        const status = err.status >= 500 ? 500 : 400;
        const body = { __type: code, Message: err.message, ...(code === "TooManyRequestsException" ? { Type: "Throttling" } : {}) };
        return send(res, status, JSON.stringify(body), "application/x-amz-json-1.1", requestId, { "x-amzn-ErrorType": code });
      }
    }
    const route = r.method === "POST" ? ROUTES[r.path] : undefined;
    if (!route) { count("Unknown"); throw new ApiError(404, "UnknownOperationException", `No operation matches ${r.method} ${r.path}`); }
    count(route.op);
    authorise(r, session, `inspector2:${route.op}`);
    if (emu.runtime.deniedRegions.includes(region)) {
      throw new ApiError(403, "AccessDeniedException", `User: ${session!.roleArn} is not authorized to perform: inspector2:${route.op} in region ${region} because an explicit deny in a service control policy applies`);
    }
    const regionIdx = world.regions.indexOf(region);
    if (regionIdx < 0) throw new ApiError(403, "AccessDeniedException", `Amazon Inspector has no delegated administrator configured for this organization in ${region}.`);
    await gate(route.op, region, true);
    const body = withQuery(parseJson(r.body, "ValidationException"), r.query);
    if (route.op === "ListFindings" && failsFor(body, emu.runtime.failingAccounts)) throw new ApiError(500, "InternalServerException", "Internal server error");
    sendJson(res, 200, route.handler(world, regionIdx, body), requestId);
  }

  function authorise(r: EmuRequest, session: ReturnType<CredentialStore["lookup"]>, action: string): void {
    if (!r.scope) throw new ApiError(403, "MissingAuthenticationTokenException", "Missing Authentication Token");
    if (!session) {
      throw new ApiError(403, "AccessDeniedException", `User: arn:aws:iam::${admin}:user/inspectorate-demo is not authorized to perform: ${action} because no identity-based policy allows the ${action} action`);
    }
    if (session.expiresAtMs < Date.now()) throw new ApiError(403, "ExpiredTokenException", "The security token included in the request is expired");
    if (emu.runtime.deniedActions.includes(action)) {
      throw new ApiError(403, "AccessDeniedException", `User: ${session.roleArn} is not authorized to perform: ${action} because no identity-based policy allows the ${action} action`);
    }
  }

  async function gate(op: string, region: string, faults: boolean): Promise<void> {
    if (emu.runtime.latencyMs > 0) await new Promise((ok) => setTimeout(ok, emu.runtime.latencyMs));
    const wait = emu.throttle.take(op, region, Date.now());
    if (wait > 0) {
      emu.counters.throttled++;
      throw new ApiError(429, "ThrottlingException", "Rate exceeded", {}, { "Retry-After": String(wait) });
    }
    if (faults && emu.runtime.faultRate > 0 && faultRng.next() < emu.runtime.faultRate) {
      emu.counters.faults++;
      throw new ApiError(500, "InternalServerException", "Internal server error");
    }
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      try {
        // AWS's own time, which the sync's watermarks are taken from.
        res.setHeader("date", new Date(Math.floor(world.clock) * 1000).toUTCString());
        const body = await readBody(req);
        const url = new URL(req.url ?? "/", "http://localhost");
        const headers: Record<string, string | undefined> = {};
        for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(",") : v;
        await dispatch({ method: req.method ?? "GET", path: url.pathname, query: Object.fromEntries(url.searchParams), headers, body, scope: parseScope(headers.authorization) }, res);
      } catch (e) {
        const err = e instanceof ApiError ? e : new ApiError(500, "InternalServerException", "Internal server error");
        if (!(e instanceof ApiError)) console.error("[emulator] unexpected error", e);
        if (res.headersSent) return void res.end();
        sendJson(res, err.status, { message: err.message, ...err.extra }, randomUUID(), { "x-amzn-ErrorType": err.code, ...err.headers });
      }
    })();
  });
  server.on("clientError", (_e, socket) => socket.destroy());
  await new Promise<void>((ok, fail) => { server.once("error", fail); server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", () => ok()); });
  const port = (server.address() as AddressInfo).port;
  emu.handle = {
    url: `http://${opts.host ?? "127.0.0.1"}:${port}`, port, adminAccountId: admin, managementAccountId: world.accounts[world.managementIndex].id,
    roleArn, externalId: EXTERNAL_ID, baseCredentials: { accessKeyId: BASE_KEY, secretAccessKey: BASE_SECRET },
    now: () => new Date(Math.round((world.clock - world.quirks.clockSkewSeconds) * 1000)),
    change: (change, accountId, pick) => applyChange(world, change, accountId, pick),
    accountIds: () => world.accounts.map((a) => a.id),
    advance: async (days) => { if (!(days >= 0)) throw new Error("days must be >= 0"); advanceDays(world, days); },
    setOptions: (patch) => {
      if (patch.throttle !== undefined) emu.throttle.setRates(patch.throttle);
      if (patch.faultRate !== undefined) emu.runtime.faultRate = patch.faultRate;
      if (patch.latencyMs !== undefined) emu.runtime.latencyMs = patch.latencyMs;
      if (patch.deniedRegions !== undefined) emu.runtime.deniedRegions = patch.deniedRegions;
      if (patch.deniedActions !== undefined) emu.runtime.deniedActions = patch.deniedActions;
      if (patch.failingAccounts !== undefined) emu.runtime.failingAccounts = patch.failingAccounts;
    },
    stats: () => ({ requests: { ...emu.counters.requests }, throttled: emu.counters.throttled, faults: emu.counters.faults }),
    close: () => new Promise<void>((ok) => { server.closeAllConnections(); server.close(() => ok()); }),
  };
  return emu.handle;
}

function failsFor(body: Record<string, unknown>, accounts: string[]): boolean {
  const f = (body.filterCriteria as { awsAccountId?: { value?: unknown }[] } | undefined)?.awsAccountId;
  return accounts.length > 0 && Array.isArray(f) && f.some((x) => accounts.includes(String(x?.value)));
}

function parseJson(text: string, code: string): Record<string, unknown> {
  if (text.trim() === "") return {};
  let v: unknown;
  try { v = JSON.parse(text); } catch {
    throw new ApiError(400, code, "Could not parse request body into json: Unexpected character in request body", { reason: "CANNOT_PARSE", fields: [] });
  }
  if (typeof v !== "object" || v === null || Array.isArray(v)) {
    throw new ApiError(400, code, "Request body must be a JSON object", { reason: "CANNOT_PARSE", fields: [] });
  }
  return v as Record<string, unknown>;
}

function send(res: ServerResponse, status: number, body: string, type: string, requestId: string, headers: Record<string, string> = {}): void {
  const bytes = Buffer.from(body); // encoded once, for both the length and the write
  res.writeHead(status, { "content-type": type, "x-amzn-requestid": requestId, "content-length": bytes.length, ...headers });
  res.end(bytes);
}

function sendJson(res: ServerResponse, status: number, body: unknown, requestId: string, headers: Record<string, string> = {}): void {
  send(res, status, JSON.stringify(body), "application/json", requestId, headers);
}

/** restJson1 httpQuery members (nextToken, maxResults) merged into the body the handlers read. */
function withQuery(body: Record<string, unknown>, query: Record<string, string> | undefined): Record<string, unknown> {
  if (!query || !Object.keys(query).length) return body;
  const out = { ...body };
  for (const [k, v] of Object.entries(query)) out[k] = k === "maxResults" && /^-?\d+$/.test(v) ? Number(v) : v;
  return out;
}
