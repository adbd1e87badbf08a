import type { WallFramesResponse, WallSnapshotResponse } from '@watchfloor/contracts';
import type { WallFeedSource } from '@watchfloor/wall';
import { apiFetch } from '../api/http';

/** The API's snapshot and frame log, read as this screen (its kiosk token, or the session). */
export function wallFeedSource(token: string | undefined): WallFeedSource {
  const options = token === undefined ? {} : { token };
  return {
    snapshot: () => apiFetch<WallSnapshotResponse>('/wall/snapshot', options),
    framesAfter: (frameId) =>
      apiFetch<WallFramesResponse>(`/wall/frames?after=${encodeURIComponent(frameId)}`, options),
  };
}
