import { chromium } from "@playwright/test";
import fs from "node:fs";
const [src, out, y, h] = process.argv.slice(2);
fs.writeFileSync("/tmp/crop.html", `<html><body style="margin:0"><img src="file://${src}" style="display:block"></body></html>`);
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const p = await b.newPage({ viewport: { width: 1440, height: 900 } });
await p.goto("file:///tmp/crop.html");
await p.screenshot({ path: out, fullPage: true, clip: { x: 0, y: Number(y), width: 1440, height: Number(h) } });
await b.close();
