// The gate's answer as the CLI prints it: POST /api/gate's body, or a local decision's equivalent.
import type { Decision } from "../types";

export type Answer = Decision & {
  decisionId?: string | null;
  artifact: string;
  policy: { name: string; version: number | string };
  source: string;
  serverMs?: number;
};

export const exitCode = (a: Pick<Answer, "verdict">) => (a.verdict === "pass" ? 0 : a.verdict === "fail" ? 1 : 2);
