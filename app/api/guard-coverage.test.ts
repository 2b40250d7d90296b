// Every route under app/api, found on disk: a new route cannot be forgotten. Each exported method
// must be wrapped by withGuard; every write must refuse a cross-origin text/plain POST (the
// request any web page can send without a preflight) and a foreign Host, before any work.
// Likewise every server action ('use server' files and inline "use server" functions under app/
// and lib/) must reach guardAction (Host, Origin, permission, the client address for the audit).
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const apiDir = path.join(import.meta.dirname);
const routeFiles = (fs.readdirSync(apiDir, { recursive: true }) as string[]).filter((f) => f.endsWith("route.ts")).sort();
const writes = ["POST", "PUT", "PATCH", "DELETE"] as const;
const methods = ["GET", "HEAD", "OPTIONS", ...writes] as const;
const routeParams = { params: Promise.resolve({ id: "00000000-0000-4000-8000-000000000000" }) };
type Handler = ((req: Request, route?: unknown) => Promise<Response>) & { guard?: { mutating: boolean; ownAuth?: string } };

async function handlers() {
  const out: { file: string; url: string; method: string; fn: Handler }[] = [];
  for (const file of routeFiles) {
    const mod = (await import(/* @vite-ignore */ path.join(apiDir, file))) as Record<string, Handler>;
    const url = `http://127.0.0.1:3000/api/${path.dirname(file).replace(/\[(\w+)\]/g, "x")}`;
    for (const m of methods) if (typeof mod[m] === "function") out.push({ file, url, method: m, fn: mod[m] });
  }
  return out;
}

describe("every API route passes the guard", () => {
  it("finds the routes on disk (sanity)", async () => {
    expect(routeFiles.length).toBeGreaterThanOrEqual(10);
    expect((await handlers()).filter((h) => (writes as readonly string[]).includes(h.method)).length).toBeGreaterThanOrEqual(5);
  });

  it("wraps every exported method in withGuard, writes marked mutating", async () => {
    for (const h of await handlers()) {
      expect(h.fn.guard, `${h.method} ${h.file}`).toBeDefined();
      if ((writes as readonly string[]).includes(h.method)) expect(h.fn.guard?.mutating, `${h.method} ${h.file}`).toBe(true);
    }
  });

  it("refuses a cross-origin text/plain write with 403", async () => {
    for (const h of (await handlers()).filter((x) => (writes as readonly string[]).includes(x.method))) {
      const res = await h.fn(new Request(h.url, { method: h.method, body: '{"full":true}', headers: { origin: "http://evil.example", "content-type": "text/plain" } }), routeParams);
      expect(res.status, `${h.method} ${h.file}`).toBe(403);
      expect((await res.json()).code).toBe("forbidden");
    }
  });

  it("refuses a same-origin write that is not JSON with 415", async () => {
    for (const h of (await handlers()).filter((x) => (writes as readonly string[]).includes(x.method))) {
      const res = await h.fn(new Request(h.url, { method: h.method, body: "full=1", headers: { origin: "http://127.0.0.1:3000", "content-type": "application/x-www-form-urlencoded" } }), routeParams);
      expect(res.status, `${h.method} ${h.file}`).toBe(415);
    }
  });

  it("refuses a foreign Host (DNS rebinding) on every method with 403", async () => {
    // Routes with their own caller check (health probes, metrics, the CI gate) are reached by IP.
    for (const h of (await handlers()).filter((x) => !x.fn.guard?.ownAuth)) {
      const res = await h.fn(new Request(h.url.replace("127.0.0.1:3000", "rebind.evil.example:3000"), { method: h.method }), routeParams);
      expect(res.status, `${h.method} ${h.file}`).toBe(403);
    }
  });
});

const root = path.resolve(apiDir, "..", "..");

/** .ts/.tsx sources under app/ and lib/ (no tests, no generated code). */
function sources(): string[] {
  const out: string[] = [];
  for (const top of ["app", "lib"]) {
    for (const f of fs.readdirSync(path.join(root, top), { recursive: true }) as string[]) {
      const rel = path.join(top, f);
      if (!/\.tsx?$/.test(f) || /\.test\.tsx?$/.test(f) || /(^|\/)(node_modules|generated)\//.test(rel)) continue;
      out.push(rel);
    }
  }
  return out.sort();
}

type Fn = ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction | ts.MethodDeclaration;
const isFn = (n: ts.Node): n is Fn => ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n) || ts.isArrowFunction(n) || ts.isMethodDeclaration(n);
const hasUseServer = (stmts: readonly ts.Statement[]) => {
  for (const st of stmts) {
    if (!ts.isExpressionStatement(st) || !ts.isStringLiteral(st.expression)) return false; // directives come first
    if (st.expression.text === "use server") return true;
  }
  return false;
};
const exported = (n: ts.Node) => ts.canHaveModifiers(n) && (ts.getModifiers(n) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/**
 * A file's server actions and whether each reaches guardAction: called in its body, or in a
 * function of the same file that its body calls (e.g. a shared `guard()` or `change()`).
 */
function serverActions(file: string, text = fs.readFileSync(path.join(root, file), "utf8")): { file: string; name: string; guarded: boolean }[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const local = new Map<string, Fn>();
  for (const st of sf.statements) {
    if (ts.isFunctionDeclaration(st) && st.name) local.set(st.name.text, st);
    if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name) && d.initializer && isFn(d.initializer)) local.set(d.name.text, d.initializer);
    }
  }
  const reaches = (fn: Fn, seen: Set<Fn>): boolean => {
    if (seen.has(fn)) return false;
    seen.add(fn);
    let found = false;
    const walk = (n: ts.Node): void => {
      if (found) return;
      if (ts.isCallExpression(n) && ts.isIdentifier(n.expression)) {
        const callee = n.expression.text;
        if (callee === "guardAction") { found = true; return; }
        const target = local.get(callee);
        if (target && reaches(target, seen)) { found = true; return; }
      }
      ts.forEachChild(n, walk);
    };
    if (fn.body) walk(fn.body);
    return found;
  };
  const out: { file: string; name: string; guarded: boolean }[] = [];
  const add = (name: string, fn: Fn | undefined) => out.push({ file, name, guarded: fn ? reaches(fn, new Set()) : false });
  if (hasUseServer(sf.statements)) {
    for (const st of sf.statements) {
      if (ts.isFunctionDeclaration(st) && exported(st)) add(st.name?.text ?? "default", st);
      else if (ts.isVariableStatement(st) && exported(st)) {
        for (const d of st.declarationList.declarations) add(d.name.getText(sf), d.initializer && isFn(d.initializer) ? d.initializer : undefined);
      } else if (ts.isExportAssignment(st)) {
        add("default", isFn(st.expression) ? st.expression : ts.isIdentifier(st.expression) ? local.get(st.expression.text) : undefined);
      } else if (ts.isExportDeclaration(st) && !st.isTypeOnly) {
        // export { a, b as c } of local functions; a re-export from another module is not checked here: refused.
        if (st.moduleSpecifier || !st.exportClause || !ts.isNamedExports(st.exportClause)) add(st.getText(sf), undefined);
        else for (const e of st.exportClause.elements) if (!e.isTypeOnly) add(e.name.text, local.get((e.propertyName ?? e.name).text));
      }
    }
  }
  // Inline server actions: `async function x() { "use server"; … }` anywhere in the file.
  const inline = (n: ts.Node): void => {
    if (isFn(n) && n.body && ts.isBlock(n.body) && hasUseServer(n.body.statements)) {
      const name = ts.isFunctionDeclaration(n) && n.name ? n.name.text : `inline action at line ${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`;
      add(name, n);
    }
    ts.forEachChild(n, inline);
  };
  inline(sf);
  return out;
}

describe("every server action passes guardAction", () => {
  const actions = sources().flatMap((f) => serverActions(f));

  it("finds the server actions on disk (sanity)", () => {
    const files = new Set(actions.map((a) => a.file));
    expect(files.size).toBeGreaterThanOrEqual(6);
    for (const f of ["lib/actions/access-mappings.ts", "lib/actions/api-token-actions.ts", "lib/actions/risk-exceptions.ts"]) expect(files, f).toContain(f);
    expect(actions.length).toBeGreaterThanOrEqual(15);
  });

  it("recognises a guarded action, a helper-guarded one, and an unguarded one", () => {
    const text = [
      '"use server";',
      'import { guardAction } from "@/lib/auth/guard-action";',
      "export interface State { ok: boolean }",
      'export async function direct() { await guardAction("read"); }',
      'async function helper() { return guardAction("read"); }',
      "export const viaHelper = async () => { await helper(); };",
      'export async function open(form: FormData) { return form.get("x"); }',
      "export { open as alias };",
    ].join("\n");
    expect(serverActions("fixture.ts", text).map(({ name, guarded }) => [name, guarded])).toEqual([["direct", true], ["viaHelper", true], ["open", false], ["alias", false]]);
    const page = 'export default function Page() { async function save() { "use server"; await guardAction("read"); } async function leak() { "use server"; } return null; }';
    expect(serverActions("page.tsx", page).map(({ name, guarded }) => [name, guarded])).toEqual([["save", true], ["leak", false]]);
  });

  it("guards every exported server action", () => {
    expect(actions.filter((a) => !a.guarded).map((a) => `${a.file}: ${a.name}`)).toEqual([]);
  });
});
