// The outbound allow-lists from the environment, and the app's own URL for links in messages.
import { env } from "@/lib/env";
import type { OutboundPolicy } from "./outbound-check";

export function outboundPolicy(): OutboundPolicy {
  const e = env();
  return { httpHosts: e.INSPECTORATE_ALERTS_HTTP_HOSTS, privateHosts: e.INSPECTORATE_ALERTS_PRIVATE_HOSTS };
}

export function appUrl(): string {
  const e = env();
  return e.INSPECTORATE_PUBLIC_URL ?? `http://${e.HOST.includes(":") ? `[${e.HOST}]` : e.HOST}:${e.PORT}`;
}
