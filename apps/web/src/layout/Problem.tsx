import { theme } from '../theme';

/** What went wrong, where the person is looking; nothing when nothing did. */
export function Problem({ message, testId }: { message: string | null; testId?: string }) {
  if (message === null) return null;
  return (
    <p role="alert" data-testid={testId} style={{ color: theme.sentiment.negative }}>
      {message}
    </p>
  );
}
