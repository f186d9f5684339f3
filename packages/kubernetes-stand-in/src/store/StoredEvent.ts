import type { StandInObject } from '../StandInObject';

/** A change as the store records it, so watches can replay it and filter it per selector. */
export type StoredEvent = {
  resourceVersion: number;
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: StandInObject;
  /** The object before a change, so a filtered watch can tell "left the selection" apart. */
  previous?: StandInObject;
};
