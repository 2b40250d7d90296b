// Admin pages: anyone without the permission gets a 404, as if the page did not exist.
import { notFound } from "next/navigation";
import type { Actor } from "./actor";
import { currentActor } from "./current-actor";
import { actingAs, can, type Permission } from "./permissions";

export async function requirePermission(permission: Permission): Promise<Actor> {
  const actor = await currentActor();
  if (!actor || !can(actor.role, permission)) notFound();
  return actingAs(actor, permission);
}
