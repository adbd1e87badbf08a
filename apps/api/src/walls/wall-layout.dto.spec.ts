import { kioskLayoutSchema, wallLayoutSchema, wallLayoutUpdateSchema } from './wall-layout.dto';

function aLayout(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Lobby',
    theme: 'dark',
    scenes: [{ name: 'Live', panels: ['stream', 'volume'], durationSeconds: 60 }],
    ...overrides,
  };
}
const aScene = (overrides: Record<string, unknown>) => ({ ...aLayout().scenes[0], ...overrides });

function problemsOf(value: unknown): string[] {
  const parsed = wallLayoutSchema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('wall layout schema', () => {
  it('accepts a layout with trimmed names and keeps the panels in reading order', () => {
    const parsed = wallLayoutSchema.parse(
      aLayout({
        name: '  Lobby  ',
        theme: 'high-contrast',
        scenes: [aScene({ name: ' Crisis ', panels: ['issues', 'stream', 'map'] })],
      }),
    );
    expect(parsed).toEqual({
      name: 'Lobby',
      theme: 'high-contrast',
      scenes: [{ name: 'Crisis', panels: ['issues', 'stream', 'map'], durationSeconds: 60 }],
    });
  });

  it('refuses a panel the wall does not have, naming the scene and panel', () => {
    expect(problemsOf(aLayout({ scenes: [aScene({ panels: ['stream', 'weather'] })] }))).toEqual([
      expect.stringMatching(/^scenes\.0\.panels\.1: a panel is one of stream, flagged/),
    ]);
  });

  it('refuses a panel shown twice in one scene', () => {
    expect(problemsOf(aLayout({ scenes: [aScene({ panels: ['stream', 'map', 'stream'] })] }))).toEqual([
      'scenes.0.panels: a panel appears at most once in a scene',
    ]);
  });

  it('refuses more than six panels, and a scene without panels', () => {
    const seven = ['stream', 'flagged', 'volume', 'platforms', 'share-of-voice', 'trending', 'issues'];
    expect(problemsOf(aLayout({ scenes: [aScene({ panels: seven })] }))).toEqual([
      'scenes.0.panels: a scene shows at most 6 panels',
    ]);
    expect(problemsOf(aLayout({ scenes: [aScene({ panels: [] })] }))).toEqual([
      'scenes.0.panels: a scene shows at least one panel',
    ]);
    expect(problemsOf(aLayout({ scenes: [aScene({ panels: seven.slice(0, 6) })] }))).toEqual([]);
  });

  it.each([
    [9, 'scenes.0.durationSeconds: a scene shows for at least 10 seconds'],
    [3_601, 'scenes.0.durationSeconds: a scene shows for at most 3600 seconds'],
    [12.5, 'scenes.0.durationSeconds: a duration is a whole number of seconds'],
  ])('refuses a duration of %s seconds', (durationSeconds, problem) => {
    expect(problemsOf(aLayout({ scenes: [aScene({ durationSeconds })] }))).toEqual([problem]);
  });

  it('accepts the bounds of the duration range', () => {
    expect(
      problemsOf(aLayout({ scenes: [aScene({ durationSeconds: 10 }), aScene({ durationSeconds: 3_600 })] })),
    ).toEqual([]);
  });

  it('refuses a layout without scenes, and one with more than twelve', () => {
    expect(problemsOf(aLayout({ scenes: [] }))).toEqual(['scenes: a layout has at least one scene']);
    expect(problemsOf(aLayout({ scenes: Array.from({ length: 13 }, () => aScene({})) }))).toEqual([
      'scenes: a layout has at most 12 scenes',
    ]);
  });

  it('refuses blank or overlong names, an unknown theme and unknown fields', () => {
    expect(problemsOf(aLayout({ name: '   ' }))).toEqual(['name: a layout needs a name']);
    expect(problemsOf(aLayout({ name: 'x'.repeat(81) }))).toEqual(['name: a layout name is at most 80 characters']);
    expect(problemsOf(aLayout({ scenes: [aScene({ name: ' ' })] }))).toEqual(['scenes.0.name: a scene needs a name']);
    expect(problemsOf(aLayout({ scenes: [aScene({ name: 'y'.repeat(61) })] }))).toEqual([
      'scenes.0.name: a scene name is at most 60 characters',
    ]);
    expect(problemsOf(aLayout({ theme: 'neon' }))).toEqual(['theme: a theme is one of dark, high-contrast']);
    expect(problemsOf(aLayout({ colour: 'red' }))).toHaveLength(1);
  });

  it('needs the version an update was read at', () => {
    expect(wallLayoutUpdateSchema.safeParse(aLayout()).success).toBe(false);
    expect(wallLayoutUpdateSchema.parse(aLayout({ version: 3, isDefault: true }))).toMatchObject({
      version: 3,
      isDefault: true,
    });
  });

  it('assigns a screen a layout by id, or none', () => {
    expect(kioskLayoutSchema.safeParse({ layoutId: null }).success).toBe(true);
    expect(kioskLayoutSchema.safeParse({ layoutId: '0b6c7c2e-6a47-4d8e-9d58-3f2a8e6f7b10' }).success).toBe(true);
    expect(kioskLayoutSchema.safeParse({ layoutId: 'lobby' }).success).toBe(false);
    expect(kioskLayoutSchema.safeParse({}).success).toBe(false);
  });
});
