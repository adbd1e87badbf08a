import type { SentimentAdaptationsOverview, SentimentRetrainRequest } from '@watchfloor/contracts';
import { apiFetch } from '../api/http';

export const loadAdaptations = () => apiFetch<SentimentAdaptationsOverview>('/sentiment/adaptations');

export const activateAdaptation = (id: number) =>
  apiFetch<SentimentAdaptationsOverview>(`/sentiment/adaptations/${id}/activate`, { method: 'POST' });

export const scoreWithBundledModel = () =>
  apiFetch<SentimentAdaptationsOverview>('/sentiment/adaptations/deactivate', { method: 'POST' });

export const retrainNow = () => apiFetch<SentimentRetrainRequest>('/sentiment/adaptations/retrain', { method: 'POST' });
