/**
 * The artwork wing's front door: show and episode images fetched from feeds (under the importer's limits), decoded
 * under a pixel limit and re-encoded as square WebP at the sizes pages use (paths.ts ARTWORK_SIZES), stored in the
 * database and served from /art/...; a show without art gets a generated placeholder tile.
 */
export { renderArtwork, ArtworkError, MAX_INPUT_PIXELS, type RenderedArtwork } from './render';
export { placeholderArtwork, initialsOf } from './placeholder';
export { prepareShowArtwork, applyShowArtwork, type ShowArtworkPlan } from './show-artwork';
export { artworkJob, enqueueEpisodeArtwork } from './job';
export { findArtwork, artworkResponse, artworkSizeOf, type ArtworkAnswer } from './serve';
export { DEFAULT_IMAGE_LIMITS } from './fetch-image';
