import type { SentimentAdaptationVersion } from '@watchfloor/contracts';
import { Cell } from '../admin/AdminTable';
import { theme } from '../theme';
import { activationLabel, change, versionStatus } from './adaptation-format';
import type { VersionTone } from './adaptation-format';

const TONE_COLOURS: Record<VersionTone, string> = {
  active: theme.accent,
  good: theme.text,
  worse: theme.sentiment.negative,
  failed: theme.sentiment.negative,
  stale: theme.mutedText,
};

/** One trained version: what it learned from, how it did on the held-back corrections, and activating it. */
export function AdaptationRow({
  version,
  activeId,
  busy,
  onActivate,
}: {
  version: SentimentAdaptationVersion;
  activeId: number | null;
  busy: boolean;
  onActivate: () => void;
}) {
  const status = versionStatus(version);
  const action = activationLabel(version, activeId);
  return (
    <tr data-testid={`adaptation-row-${version.id}`} data-active={version.active} data-status={version.status}>
      <Cell>
        <strong>v{version.id}</strong>
      </Cell>
      <Cell>
        {new Date(version.createdAt).toLocaleString()}
        <br />
        <small style={{ color: theme.mutedText }}>{version.requestedBy ?? 'on schedule'}</small>
      </Cell>
      <Cell>
        {version.trainedOn === null ? (
          '—'
        ) : (
          <>
            {version.trainedOn} trained on
            <br />
            <small style={{ color: theme.mutedText }}>{version.heldOut} held back</small>
          </>
        )}
      </Cell>
      <Cell>
        <span data-testid="adaptation-accuracy">{change(version.before, version.after, 'accuracy')}</span>
      </Cell>
      <Cell>
        <span data-testid="adaptation-macro-f1">{change(version.before, version.after, 'macroF1')}</span>
      </Cell>
      <Cell>
        <span data-testid="adaptation-status" style={{ color: TONE_COLOURS[status.tone] }}>
          {status.text}
        </span>
        {version.active && version.activatedBy !== null && (
          <>
            <br />
            <small style={{ color: theme.mutedText }}>by {version.activatedBy}</small>
          </>
        )}
      </Cell>
      <Cell>
        {action !== null && (
          <button type="button" data-testid={`adaptation-activate-${version.id}`} disabled={busy} onClick={onActivate}>
            {action}
          </button>
        )}
      </Cell>
    </tr>
  );
}
