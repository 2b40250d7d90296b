// The session cookie's name, shared by sign-in (which sets it) and the request guard (which reads it).
export const SESSION_COOKIE = "inspectorate_session";
