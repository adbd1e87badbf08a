import { useEffect, useState } from 'react';
import type { IssueTimelineView } from '@watchfloor/contracts';
import { issuesClient } from './issues-client';

/** An issue's timeline at the chosen bucket size; the previous one stays shown while the next loads. */
export function useIssueTimeline(issueId: string, bucketMinutes: number) {
  const [timeline, setTimeline] = useState<IssueTimelineView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    issuesClient.timeline(issueId, bucketMinutes).then(
      (loaded) => current && setTimeline(loaded),
      (error: Error) => current && setProblem(error.message),
    );
    return () => {
      current = false;
    };
  }, [issueId, bucketMinutes]);
  return { timeline, problem };
}
