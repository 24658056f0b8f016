/**
 * Where adapters put what they make of a message. The ingestor is the real sink; tests collect into arrays. A sink
 * instead of a returned object keeps the hot path (10,000 messages/s in the benchmark) free of per-message arrays.
 */
import type { DatastreamDescriptor, MalformedMessage, Observation } from '../types';

export interface ObservationSink {
  /** A datastream seen for the first time, or whose description changed. */
  datastream(descriptor: DatastreamDescriptor): void;
  observation(observation: Observation): void;
  malformed(message: MalformedMessage): void;
}

/** A sink that keeps everything, for tests and one-shot parsing (history pages). */
export interface CollectingSink extends ObservationSink {
  readonly datastreams: DatastreamDescriptor[];
  readonly observations: Observation[];
  readonly malformedMessages: MalformedMessage[];
}

export function collectingSink(): CollectingSink {
  const datastreams: DatastreamDescriptor[] = [];
  const observations: Observation[] = [];
  const malformedMessages: MalformedMessage[] = [];
  return {
    datastreams,
    observations,
    malformedMessages,
    datastream: (descriptor) => datastreams.push(descriptor),
    observation: (observation) => observations.push(observation),
    malformed: (message) => malformedMessages.push(message),
  };
}
