import { useEffect, useState } from 'react';
import type { ResponseTemplate, TriageClient } from './triage-client';

/** The response templates, read once when the console opens (only for those who may reply). */
export function useReplyTemplates(client: TriageClient, enabled: boolean): ResponseTemplate[] {
  const [templates, setTemplates] = useState<ResponseTemplate[]>([]);
  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    client.templates().then(
      (answer) => !cancelled && setTemplates(answer),
      // Replies can be written without templates: nothing to show.
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [client, enabled]);
  return templates;
}
