// The alert log's link to a digest: the stored link's path in this app, never a link elsewhere.
import { describe, expect, it } from "vitest";
import { digestPath } from "./delivery-log";

describe("digestPath", () => {
  it("keeps the path and query of the app's own link, whatever host it was made for", () => {
    expect(digestPath("https://inspectorate.example.com/findings?alert=3%3A42")).toBe("/findings?alert=3%3A42");
    expect(digestPath("http://127.0.0.1:3000/coverage?status=LOST")).toBe("/coverage?status=LOST");
  });

  it("gives nothing for what is not an http(s) link", () => {
    for (const bad of [null, undefined, 42, "", "not a url", "javascript:alert(1)", "mailto:a@b.c", "//evil.example/x"]) {
      expect(digestPath(bad), String(bad)).toBeNull();
    }
  });
});
