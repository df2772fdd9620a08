import { Auth, defineEndpoint, Retry } from '../endpoint.js';
import {
  InsightsQuery,
  InsightsRecommendations,
  InsightsRecommendationsQuery,
  QualityPreferenceBody,
  QualityPreferences,
  ViewingInsights,
} from '../schemas/viewer.js';

export const insightsQualityPreferences = defineEndpoint({
  operation: 'insights.qualityPreferences',
  method: 'GET',
  path: '/users/me/analytics/quality-preferences',
  summary: 'Quality preferences per device class, the plan cap, and quality actually received (per rendition)',
  response: QualityPreferences,
  auth: Auth.profile,
  retry: Retry.safe,
  origin: 'S',
  usedBy: ['reel-insights', 'reel-settings', 'reel-player'],
});

export const insightsSetQualityPreference = defineEndpoint({
  operation: 'insights.setQualityPreference',
  method: 'POST',
  path: '/users/me/analytics/quality-preference',
  summary: 'Set the preferred quality (for all devices or one device class); above the plan it is capped, not refused',
  body: QualityPreferenceBody,
  response: QualityPreferences,
  auth: Auth.profile,
  retry: Retry.safe,
  origin: 'S',
  usedBy: ['reel-insights', 'reel-settings', 'reel-player'],
});

export const insightsViewingInsights = defineEndpoint({
  operation: 'insights.viewingInsights',
  method: 'GET',
  path: '/users/me/analytics/viewing-insights',
  summary: 'Dashboard data over a period: time watched per week, genres, devices, quality, hours of day, top titles',
  query: InsightsQuery,
  response: ViewingInsights,
  auth: Auth.profile,
  retry: Retry.safe,
  origin: 'S',
  usedBy: ['reel-insights'],
});

export const insightsRecommendations = defineEndpoint({
  operation: 'insights.recommendations',
  method: 'GET',
  path: '/users/me/analytics/recommendations',
  summary: '"Because you watched …" rails for the active profile, each with the title it starts from',
  query: InsightsRecommendationsQuery,
  response: InsightsRecommendations,
  auth: Auth.profile,
  retry: Retry.safe,
  origin: 'S',
  usedBy: ['reel-insights', 'reel-home', 'reel-rail'],
});

/** Viewing analytics of the active profile (§4): dashboard data, quality preference, "Because you watched". */
export const insights = {
  qualityPreferences: insightsQualityPreferences,
  setQualityPreference: insightsSetQualityPreference,
  viewingInsights: insightsViewingInsights,
  recommendations: insightsRecommendations,
} as const;
