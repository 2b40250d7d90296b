// What the test identity provider and the signed-in test app agree on: the client, and how the
// provider's groups map to Inspectorate roles and scopes.
export const TEST_CLIENT_ID = "inspectorate-e2e";
export const TEST_CLIENT_SECRET = "e2e-client-secret-never-in-a-bundle-5b1f0c";

/** Login name → the groups the provider reports for it. */
export const testIdpUsers: Record<string, string[]> = {
  "ada.admin": ["inspectorate-admins", "everyone"],
  "vic.viewer": ["prod-viewers", "everyone"],
  "olga.orgviewer": ["org-viewers", "everyone"],
  "sam.scopedadmin": ["prod-admins", "everyone"],
  "nina.nogroups": ["contractors", "everyone"],
  // Changed or disabled at the provider while signed in (groups-recheck.spec.ts).
  "gus.groupchange": ["org-viewers", "everyone"],
  "dora.disabled": ["org-viewers", "everyone"],
};

export const SCOPED_OU = "Production";

export const testGroupMap = {
  "inspectorate-admins": { role: "admin", scope: "all" },
  "prod-viewers": { role: "viewer", scope: { ous: [SCOPED_OU] } },
  "org-viewers": { role: "viewer", scope: "all" },
  "prod-admins": { role: "admin", scope: { ous: [SCOPED_OU] } },
};
