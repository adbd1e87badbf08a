import { useState } from 'react';
import type { KioskLayoutAssignment, StoredWallLayout } from '@watchfloor/contracts';
import { apiFetch } from '../api/http';
import { inputStyle } from '../rules/Field';

/** The layout one screen shows: one of the stored layouts, or "" for the default. */
export function KioskLayoutSelect({
  kioskId,
  layoutId,
  layouts,
  onAssigned,
  onProblem,
}: {
  kioskId: string;
  layoutId: string | null;
  layouts: StoredWallLayout[];
  onAssigned: () => void;
  onProblem: (message: string) => void;
}) {
  const [busy, setBusy] = useState(false);
  const defaultLayout = layouts.find((layout) => layout.isDefault);

  const assign = async (value: string) => {
    setBusy(true);
    try {
      const body: KioskLayoutAssignment = { layoutId: value === '' ? null : value };
      await apiFetch(`/kiosks/${kioskId}/layout`, { method: 'PUT', body });
      onAssigned();
    } catch (caught) {
      onProblem((caught as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <select
      data-testid="kiosk-layout-select"
      aria-label="Layout"
      value={layoutId ?? ''}
      disabled={busy}
      onChange={(event) => void assign(event.target.value)}
      style={inputStyle}
    >
      <option value="">Default ({defaultLayout?.name ?? 'built-in'})</option>
      {layouts.map((layout) => (
        <option key={layout.id} value={layout.id}>
          {layout.name}
        </option>
      ))}
    </select>
  );
}
