import { useCallback, useEffect, useState } from 'react';
import type { StoredWallLayout, WallLayoutUpdate } from '@watchfloor/contracts';
import { AdminTable } from '../admin/AdminTable';
import { apiFetch } from '../api/http';
import { Problem } from '../layout/Problem';
import { theme } from '../theme';
import { emptyLayoutForm, formFromLayout, layoutInput, readableProblem } from './layout-form-model';
import type { LayoutFormState } from './layout-form-model';
import { LayoutForm } from './LayoutForm';
import { LayoutRow } from './LayoutRow';

/**
 * Wall layouts: the scenes a screen rotates through and its theme. Screens show the layout they
 * were given on the Screens page, else the default, else the built-in one.
 */
export function WallsPage() {
  const [layouts, setLayouts] = useState<StoredWallLayout[]>([]);
  const [editing, setEditing] = useState<LayoutFormState | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const reload = useCallback(() => {
    apiFetch<StoredWallLayout[]>('/wall/layouts').then(setLayouts, (caught: Error) => setProblem(caught.message));
  }, []);
  useEffect(reload, [reload]);

  const save = async (form: LayoutFormState) => {
    if (form.id === null || form.version === null) {
      await apiFetch('/wall/layouts', { method: 'POST', body: layoutInput(form) });
    } else {
      const update: WallLayoutUpdate = { ...layoutInput(form), version: form.version };
      await apiFetch(`/wall/layouts/${form.id}`, { method: 'PUT', body: update });
    }
    setEditing(null);
    reload();
  };

  const act = async (work: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await work();
    } catch (caught) {
      setProblem(readableProblem((caught as Error).message));
    }
    reload();
  };
  const makeDefault = (layout: StoredWallLayout) =>
    act(() => {
      const update: WallLayoutUpdate = {
        ...layoutInput(formFromLayout(layout)),
        isDefault: true,
        version: layout.version,
      };
      return apiFetch(`/wall/layouts/${layout.id}`, { method: 'PUT', body: update });
    });
  const remove = (layout: StoredWallLayout) => {
    const fallback = layout.isDefault ? 'the built-in layout' : 'the default layout';
    if (!window.confirm(`Delete the layout "${layout.name}"? Screens showing it switch to ${fallback}.`)) return;
    void act(() => apiFetch(`/wall/layouts/${layout.id}`, { method: 'DELETE' }));
  };

  const hasDefault = layouts.some((layout) => layout.isDefault);
  return (
    <main data-testid="walls" style={{ padding: 24 }}>
      <h1 style={{ marginTop: 0 }}>Wall layouts</h1>
      <p style={{ color: theme.mutedText, marginTop: 0 }}>
        A screen shows the layout it was given on the <a href="/admin/screens">Screens</a> page, else the default
        {hasDefault ? '' : ' (none is set: screens show the built-in layout)'}.
      </p>
      {editing === null ? (
        <button
          type="button"
          data-testid="new-layout"
          onClick={() => setEditing(emptyLayoutForm())}
          style={{ marginBottom: 16 }}
        >
          New layout
        </button>
      ) : (
        <LayoutForm key={editing.id ?? 'new'} initial={editing} onSave={save} onCancel={() => setEditing(null)} />
      )}
      <Problem message={problem} testId="layouts-error" />
      {layouts.length === 0 ? (
        <p data-testid="layouts-empty" style={{ color: theme.mutedText }}>
          No layouts stored yet.
        </p>
      ) : (
        <AdminTable headings={['Name', 'Theme', 'Scenes', 'Updated', '']}>
          {layouts.map((layout) => (
            <LayoutRow
              key={layout.id}
              layout={layout}
              onEdit={() => setEditing(formFromLayout(layout))}
              onMakeDefault={() => void makeDefault(layout)}
              onDelete={() => remove(layout)}
            />
          ))}
        </AdminTable>
      )}
    </main>
  );
}
