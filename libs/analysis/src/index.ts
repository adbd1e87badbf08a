export * from './sentiment/sentiment-scorer';
export * from './sentiment/rule-sentiment-scorer';
export { BUNDLED_MODEL_FILE, bundledSentimentModel } from './sentiment/learned/bundled-model';
export { decodeModel, encodeModel } from './sentiment/learned/model-file';
export { SentimentModel, SentimentModelError } from './sentiment/learned/sentiment-model';
export type { ModelProvenance } from './sentiment/learned/sentiment-model';
export {
  DEFAULT_MODEL_TRAINING,
  MIN_CORRECTIONS_TO_ADAPT,
  adaptSentiment,
  trainSentimentModel,
} from './sentiment/learned/model-training';
export type { AdaptationOptions, ModelTrainingOptions, WeightedText } from './sentiment/learned/model-training';
export * from './sentiment/learned/sentiment-adaptation';
export { stableShare } from './sentiment/learned/stable-share';
export * from './evaluation/classification-metrics';
export { MIN_SIMHASH_WORDS, fingerprintText, hammingDistance } from './noise/simhash';
export type { FingerprintKind, TextFingerprint } from './noise/simhash';
export { DEFAULT_MAX_DISTANCE, GUARANTEED_DISTANCE, NearDuplicateIndex } from './noise/near-duplicate-index';
export type { DuplicateMatch, NearDuplicateIndexOptions } from './noise/near-duplicate-index';
export { classifyAmplification } from './noise/amplification';
export type { Amplification, AmplificationKind } from './noise/amplification';
export { combinedReach, mentionReach, reachOf } from './noise/reach';
export type { ReachInputs } from './noise/reach';
export { filterNoise } from './noise/noise-filter';
export type { NoiseVerdict } from './noise/noise-filter';
export * from './spikes/seasonal-baseline';
export * from './spikes/spike-detector';
export * from './spikes/incident-grouper';
export * from './issues/issue-features';
export * from './issues/issue-clusterer';
export * from './floor/listening-floor';
export * from './adaptation/retrain-policy';
export * from './adaptation/sentiment-model-switch';
