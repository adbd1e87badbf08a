import { geoEquirectangular, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import land from 'world-atlas/land-110m.json';

/** The map's drawing size; the SVG scales it to its cell. Equirectangular: twice as wide as tall. */
export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 480;

/** Bundled with the app (Natural Earth 1:110m): a wall never fetches map tiles. */
export const mapProjection = geoEquirectangular().fitSize([MAP_WIDTH, MAP_HEIGHT], { type: 'Sphere' });

/** The land as one SVG path, computed once. */
export const LAND_PATH = geoPath(mapProjection)(feature(land, land.objects.land)) ?? '';
