import type { DatastreamDescriptor } from '../types';
import type { DatastreamSelector } from './types';

/** True when the datastream matches every field the selector gives (an empty selector matches all). */
export function matchesSelector(selector: DatastreamSelector, datastream: DatastreamDescriptor): boolean {
  if (selector.kind !== undefined && selector.kind !== datastream.kind) return false;
  if (selector.area !== undefined && selector.area !== datastream.area) return false;
  if (selector.datastreamIds !== undefined && !selector.datastreamIds.includes(datastream.id)) return false;
  return true;
}
