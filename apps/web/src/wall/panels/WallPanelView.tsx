import type { WallPanel } from '@watchfloor/contracts';
import { FlaggedPanel } from './FlaggedPanel';
import { InfluentialPanel } from './InfluentialPanel';
import { IssuesPanel } from './IssuesPanel';
import { MapPanel } from './MapPanel';
import type { PanelInputs } from './panel-inputs';
import { PlatformsPanel } from './PlatformsPanel';
import { ShareOfVoicePanel } from './ShareOfVoicePanel';
import { SlaPanel } from './SlaPanel';
import { SourcesPanel } from './SourcesPanel';
import { StreamPanel } from './StreamPanel';
import { TrendingPanel } from './TrendingPanel';
import { VolumePanel } from './VolumePanel';

/** The component of each panel a layout can name. */
export function WallPanelView({ panel, inputs }: { panel: WallPanel; inputs: PanelInputs }) {
  switch (panel) {
    case 'stream':
      return <StreamPanel {...inputs} />;
    case 'flagged':
      return <FlaggedPanel {...inputs} />;
    case 'volume':
      return <VolumePanel {...inputs} />;
    case 'platforms':
      return <PlatformsPanel {...inputs} />;
    case 'share-of-voice':
      return <ShareOfVoicePanel {...inputs} />;
    case 'trending':
      return <TrendingPanel {...inputs} />;
    case 'issues':
      return <IssuesPanel {...inputs} />;
    case 'influential':
      return <InfluentialPanel {...inputs} />;
    case 'sla':
      return <SlaPanel {...inputs} />;
    case 'map':
      return <MapPanel {...inputs} />;
    case 'sources':
      return <SourcesPanel {...inputs} />;
  }
}
