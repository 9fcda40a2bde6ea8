/**
 * The vectors wing's front door: passages of the content encoded in the background (the 'vectors' job), stored in
 * passage_vectors, and held in memory for search by meaning (the search wing's second engine).
 */
export { vectorsJob, encodeEpisode, passagesOfEpisode, VECTORS_JOB_VERSION, type EncodeResult } from './job';
export { VectorIndex, type IndexedPassage, type ScanMode, type VectorHit, type VectorIndexOptions, type PassSizes, type PassageColumns } from './vector-index';
export { readPassageVectors, type StoredPassage } from './store';
export { mergeCuesIntoSentences, episodePassages, type Passage, type TimedText } from './passages';
