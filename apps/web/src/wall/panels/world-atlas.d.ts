// world-atlas ships TopoJSON without types; the land layer is one GeometryCollection.
declare module 'world-atlas/land-110m.json' {
  import type { feature } from 'topojson-client';
  const topology: Parameters<typeof feature>[0] & { objects: { land: Parameters<typeof feature>[1] } };
  export default topology;
}
