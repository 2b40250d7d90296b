// Cookie attributes for the session and the sign-in attempt: HttpOnly, SameSite=Lax (the IdP's
// redirect back is a top-level GET, which Lax allows), Secure whenever the app is served over https.
import { publicUrl } from "./oidc-client";

export function cookieOptions(path = "/", maxAgeSeconds?: number) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: publicUrl().startsWith("https://"),
    path,
    ...(maxAgeSeconds !== undefined ? { maxAge: Math.floor(maxAgeSeconds) } : {}),
  };
}
