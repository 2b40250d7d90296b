// Local mode's one implicit admin (no identity provider configured, loopback only).
import { allScope } from "@/lib/queries/scope";
import type { Actor } from "./actor";

export const localActor: Actor = { kind: "local", id: "local", name: "local admin", role: "admin", scope: allScope };
