/**
 * Runs once when the server starts. Wires the real attachment loader into the transcript
 * renderers (exports and the share page), which otherwise render images as placeholders.
 * `NEXT_RUNTIME` is Next's own marker (not configuration): the loader needs Node (fs, the database).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { installAttachmentSource } = await import('@/lib/attachments/transcript-source');
  installAttachmentSource();
}
