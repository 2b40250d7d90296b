// Who is asking, once per request: the guard's resolution (API token, else session cookie, else
// local mode), read from the request headers, which also keeps every page dynamic, so a build made
// without sign-in configured never serves a prerendered "local mode" page to a deployment that has it.
export { localActor } from "./local-actor";
export { currentActor as requestActor } from "./current-actor";
