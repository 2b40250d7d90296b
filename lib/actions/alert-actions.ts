"use server";
// Server actions behind /admin/alerts: channels (save, pause, delete, send test) and rules (save, pause, delete).
// Guarded like the routes (permission "alerts"); each change is audited in its transaction.
import type { FormState } from "./form-state";
import { revalidatePath } from "next/cache";
import { channelFromForm, ruleFromForm } from "@/lib/alerts/alert-forms";
import { createChannel } from "@/lib/alerts/channel-store";
import { alertThingKind, deleteAlertThing, setAlertThingEnabled } from "@/lib/alerts/alert-thing-changes";
import { appUrl, outboundPolicy } from "@/lib/alerts/outbound-policy";
import { createRule } from "@/lib/alerts/rule-store";
import { sendTest } from "@/lib/alerts/send-test";
import { actionError, guardAction } from "@/lib/auth/guard-action";
import { db } from "@/lib/db/client";
import { ConfigError } from "@/lib/env";


const fail = (err: unknown): FormState => ({ ok: false, message: err instanceof ConfigError ? `configuration: ${err.message}` : actionError(err) });

export async function saveChannelAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    const { actor, address } = await guardAction("alerts", form);
    const ch = await createChannel(db().pool, actor, channelFromForm(form), address);
    revalidatePath("/admin/alerts");
    return { ok: true, message: `Saved channel “${ch.name}”. Its secret is not shown again.` };
  } catch (err) {
    return fail(err);
  }
}

export async function saveRuleAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    const { actor, address } = await guardAction("alerts", form);
    const parsed = ruleFromForm(form);
    if (!parsed.ok) return { ok: false, message: parsed.message };
    const rule = await createRule(db().pool, actor, parsed.input, address);
    revalidatePath("/admin/alerts");
    return { ok: true, message: `Saved rule “${rule.name}”; it alerts on sync runs from now on.` };
  } catch (err) {
    return fail(err);
  }
}

export async function sendTestAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    const { actor, address } = await guardAction("alerts", form);
    const r = await sendTest(db().pool, actor, form.get("id"), appUrl(), outboundPolicy(), address);
    revalidatePath("/admin/alert-log");
    return { ok: r.ok, message: r.ok ? "Test message delivered." : `Test failed: ${r.error}` };
  } catch (err) {
    return fail(err);
  }
}

export async function deleteAlertThingAction(form: FormData): Promise<void> {
  try {
    const { actor, address } = await guardAction("alerts", form);
    await deleteAlertThing(db().pool, actor, alertThingKind(form.get("what")), form.get("id"), address);
  } catch (err) {
    actionError(err);
  }
  revalidatePath("/admin/alerts");
}

export async function toggleAlertThingAction(form: FormData): Promise<void> {
  try {
    const { actor, address } = await guardAction("alerts", form);
    await setAlertThingEnabled(db().pool, actor, alertThingKind(form.get("what")), form.get("id"), form.get("enabled") === "1", address);
  } catch (err) {
    actionError(err);
  }
  revalidatePath("/admin/alerts");
}
