"use client";
// New alert channel: the fields of its kind. Secrets (URL, signing secret, SMTP password) go to
// the server once and are never shown again.
import { useState } from "react";
import { useKeptForm } from "@/components/ui/use-kept-form";
import { saveChannelAction } from "@/lib/actions/alert-actions";
import { NO_FORM_STATE as initial } from "@/lib/actions/form-state";
import { channelKindLabel, channelKinds, type ChannelKind } from "@/lib/alerts/channel-config";
import { adminInput as input } from "@/components/admin/role-scope-fields";

const field = (label: string, el: React.ReactNode) => <label className="flex min-w-0 max-w-full flex-col gap-1">{label}{el}</label>;

export function ChannelForm() {
  const { state, pending, form } = useKeptForm(saveChannelAction, initial, (s) => s.ok);
  const [kind, setKind] = useState<ChannelKind>("SLACK");
  return (
    <form {...form} onReset={() => setKind("SLACK")} data-testid="channel-form" className="flex flex-wrap items-end gap-3 text-sm" autoComplete="off">
      {field("Name", <input name="name" required maxLength={100} className={input} placeholder="sec-alerts" />)}
      {field("Kind", <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as ChannelKind)} className={input}>
        {channelKinds.map((k) => <option key={k} value={k}>{channelKindLabel[k]}</option>)}
      </select>)}
      {kind !== "EMAIL" && field("Webhook URL", <input name="url" type="url" required className={`${input} w-full sm:w-96`} placeholder="https://hooks.slack.com/services/…" />)}
      {kind === "WEBHOOK" && field("Signing secret (16+ characters)", <input name="signingSecret" type="password" required minLength={16} className={input} />)}
      {kind === "EMAIL" && <>
        {field("SMTP host", <input name="smtpHost" required className={input} placeholder="smtp.example.com" />)}
        {field("Port", <input name="smtpPort" type="number" defaultValue={587} className={`${input} w-24`} />)}
        <label className="flex items-center gap-1"><input name="smtpSecure" type="checkbox" /> TLS from the start</label>
        {field("User", <input name="smtpUser" className={input} />)}
        {field("Password", <input name="smtpPassword" type="password" className={input} />)}
        {field("From", <input name="from" type="email" required className={input} placeholder="inspectorate@example.com" />)}
        {field("To (comma-separated)", <input name="to" required className={`${input} w-full sm:w-72`} placeholder="security@example.com" />)}
      </>}
      <button type="submit" disabled={pending} className="rounded-md bg-accent px-3 py-1.5 font-semibold text-white hover:bg-blue-800 disabled:opacity-60">Save channel</button>
      {state.message && <p role={state.ok ? "status" : "alert"} className={`w-full text-sm ${state.ok ? "text-green-800" : "text-red-800"}`}>{state.message}</p>}
    </form>
  );
}
