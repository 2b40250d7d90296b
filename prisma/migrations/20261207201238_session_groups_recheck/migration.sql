-- A session keeps the identity provider's refresh token (sealed with a key derived from the session
-- cookie, which the table never holds) and when the user's groups were last read, so a group removed at
-- the provider ends or narrows access at the next recheck rather than at the session's expiry.
-- AlterTable
ALTER TABLE "sessions" ADD COLUMN     "groups_read_at" TIMESTAMPTZ(3),
ADD COLUMN     "refresh_token" TEXT;
