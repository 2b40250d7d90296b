// Whether KEV's due date counts as an SLA clock (INSPECTORATE_SLA_KEV_DUE_DATE, off by default).
import { env, type Env } from "@/lib/env";

export const slaUsesKevDue = (e: Env = env()) => e.INSPECTORATE_SLA_KEV_DUE_DATE === "1";
