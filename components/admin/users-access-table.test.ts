// The users table says when it is capped: the newest of how many (listUserAccess's total), and
// offers "End sessions" only for a user who has live sessions.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { UserAccess } from "@/lib/auth/user-access";
import { UsersAccessTable } from "./users-access-table";

const rows: UserAccess[] = [1, 2].map((i) => ({
  user: { id: `u${i}`, email: `u${i}@example.com`, name: null, groups: ["g"], last_sign_in_at: null }, role: "viewer", scope: "whole organization", accounts: null, liveSessions: 0,
}));
const render = (total?: number) => renderToStaticMarkup(createElement(UsersAccessTable, { rows, total }));

describe("the users table", () => {
  it("says it shows the newest of how many when the list was capped", () => {
    expect(render(1234)).toContain("Showing the 2 newest (by last sign-in) of 1234 users.");
  });

  it("says nothing of a cap when every user is listed", () => {
    expect(render(2)).not.toContain("users-capped");
    expect(render()).not.toContain("users-capped");
  });

  it("tells a scoped admin with no users that the list is theirs, not that nobody signed in", () => {
    const empty = (scoped: boolean) => renderToStaticMarkup(createElement(UsersAccessTable, { rows: [], scoped }));
    expect(empty(true)).toContain("No user within your admin scope has signed in yet.");
    expect(empty(false)).toContain("Nobody has signed in yet.");
  });

  it("shows each user's live sessions, and an End sessions form posting that user's id only when they have some", () => {
    const html = renderToStaticMarkup(createElement(UsersAccessTable, { rows: [{ ...rows[0], liveSessions: 2 }, rows[1]] }));
    const [u1, u2] = ["u1", "u2"].map((u) => html.split(`data-user="${u}@example.com"`)[1].split("</tr>")[0]);
    expect(u1).toContain('data-testid="user-sessions">2</span>');
    expect(u1).toContain('name="userId" value="u1"');
    expect(u1).toContain("End sessions");
    expect(u2).toContain('data-testid="user-sessions">none</span>');
    expect(u2).not.toContain("End sessions");
  });
});
