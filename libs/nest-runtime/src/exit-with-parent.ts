/**
 * Started by `watchfloor start`, a process holds an IPC channel to it: when that closes (the
 * supervisor exited, or was killed outright) this process shuts down as on SIGTERM, rather than
 * running on unsupervised and retrying services that are gone. Does nothing when started otherwise.
 */
export function exitWithParent(): void {
  if (process.send === undefined) return;
  // The channel alone must not keep the process alive once the app has closed.
  process.channel?.unref();
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}
