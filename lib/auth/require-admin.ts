// Admin pages and actions: anyone else gets a 404, as if the page did not exist.
import { notFound } from "next/navigation";
import type { Actor } from "./actor";
import { requestActor } from "./request-actor";

export async function requireAdmin(): Promise<Actor> {
  const actor = await requestActor();
  if (!actor || actor.role !== "admin") notFound();
  return actor;
}
