import type { PublicNetwork } from '../../../contracts/portal.js';
import type { Db } from '../../platform/db/database.js';
import type { Logger } from '../../platform/logger.js';
import { centroidIndex, regionNames, type BoundaryStore, type Centroid } from '../reference/index.js';
import { buildNetwork } from './network.models.js';
import { findNetworkEntries, type NetworkFilter } from './network.repository.js';

export type NetworkDeps = { db: Db; boundaries: BoundaryStore; logger?: Logger | undefined };

/** Broken boundary files must not take the network down: nodes then simply have no position. */
const pointsOrNone = async (deps: NetworkDeps): Promise<Map<string, Centroid>> => {
  try {
    return await centroidIndex(deps.boundaries);
  } catch (err) {
    deps.logger?.error({ err }, 'boundaries could not be loaded; the network goes out without positions');

    return new Map();
  }
};

/** The cooperation network between pemda over published cooperations, optionally filtered. */
export const getNetwork = async (deps: NetworkDeps, filter: NetworkFilter = {}): Promise<PublicNetwork> => {
  const entries = await findNetworkEntries(deps.db, filter);
  const codes = entries.flatMap((e) => e.partyRegions);
  const [names, points] = await Promise.all([regionNames({ db: deps.db, codes }), pointsOrNone(deps)]);

  return buildNetwork(entries, names, points);
};
