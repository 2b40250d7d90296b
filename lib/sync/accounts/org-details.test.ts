// The accounts' OUs and tags are read beside the listing and stop with the run, including a run that
// was already stopped when the listing started the read (its abort event had fired before anyone
// listened). Against a real HTTP server that counts the Organizations calls it gets.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { OrganizationsClient } from "@aws-sdk/client-organizations";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SyncContext } from "../context";
import type { OrgAccount } from "./org-accounts";
import { startOrgDetails } from "./org-details";

let server: http.Server;
let calls: string[] = [];
let organizations: OrganizationsClient;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    calls.push(String(req.headers["x-amz-target"]));
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { "content-type": "application/x-amz-json-1.1" });
      res.end(JSON.stringify({ Parents: [], Tags: [] }));
    });
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  organizations = new OrganizationsClient({
    region: "us-east-1", endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, maxAttempts: 1,
    credentials: { accessKeyId: "AKIDORGDETAILSTEST", secretAccessKey: "org-details-test-secret" },
  });
});
afterAll(async () => {
  organizations?.destroy();
  await new Promise<void>((ok) => server.close(() => ok()));
});

const account = (id: string): OrgAccount => ({ id, name: `acct-${id}`, email: null, status: "ACTIVE", joinedAt: null, ouId: null, ouName: null, owner: null, team: null, tagsRead: false });
const contextWith = (signal: AbortSignal) => ({ signal, aws: { organizations }, notes: [] }) as unknown as SyncContext;
const org = () => ({ accounts: new Map(["111111111111", "222222222222"].map((id) => [id, account(id)])), problems: [] });

describe("startOrgDetails", () => {
  it("reads each account's parent and tags while the run goes on", async () => {
    calls = [];
    const details = startOrgDetails(contextWith(new AbortController().signal), org(), () => true);
    for (let i = 0; i < 100 && calls.length < 4; i++) await new Promise((r) => setTimeout(r, 20));
    await details.abandon();
    expect(calls.sort()).toEqual(["AWSOrganizationsV20161128.ListParents", "AWSOrganizationsV20161128.ListParents",
      "AWSOrganizationsV20161128.ListTagsForResource", "AWSOrganizationsV20161128.ListTagsForResource"]);
  });

  it("calls Organizations not once for a run already stopped when it starts", async () => {
    calls = [];
    const stopped = new AbortController();
    stopped.abort();
    const details = startOrgDetails(contextWith(stopped.signal), org(), () => true);
    await details.abandon();
    await new Promise((r) => setTimeout(r, 100));
    expect(calls).toEqual([]);
  });

  it("says how many accounts' OU and tags a stopped run did not read, in its own words (no AWS error to quote)", async () => {
    calls = [];
    const stopped = new AbortController();
    stopped.abort();
    const ctx = contextWith(stopped.signal);
    const details = startOrgDetails(ctx, org(), () => true);
    await details.write([], "111111111111", new Date());
    expect(ctx.notes).toEqual([{ kind: "organizations", message: "2 accounts' OU and tags not read: the run stopped first" }]);
  });
});
