// Security headers. Pages get a per-request nonce CSP (Next.js puts the nonce on its own scripts
// when it finds it in the request's CSP; 'strict-dynamic' lets those load the rest). Styles allow
// inline attributes (charts set style=""), scripts never run inline without the nonce.
export function pageCsp(nonce: string, dev = process.env.NODE_ENV === "development"): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** JSON, CSV and PDF answers run no scripts and are framed by nobody. */
export const apiCsp = "default-src 'none'; frame-ancestors 'none'; sandbox";

/** On every response, static files included (next.config.ts headers()). */
export const staticSecurityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
