/** Prompt-injection detection internals: rules, hidden channels, the statistical model. */
export { INJECTION_RULES, type InjectionRule, type InjectionType } from './rules.js';
export { findHiddenChannels, type HiddenChannel } from './hidden.js';
export { scoreNormalized, defaultModel, loadModel, useModel, type SerializedModel, type LoadedModel, type WindowScore } from './model.js';
export { forEachFeature, featureVector, HASH_BITS, WINDOW, STRIDE } from './features.js';
