/**
 * The network wing: fetching on a feed's behalf without reaching the site's own machine or network (SSRF).
 * `feedFetchPolicy()` is the policy the configuration gives (IMPORT_ALLOW_PRIVATE); `guardedFetch(policy)` the fetch
 * that holds to it at connect time.
 */
import { getConfig } from '../config';
import { AddressPolicy } from './address-policy';

export { AddressPolicy, parseAddressRanges, PrivateAddressError, PRIVATE_ADDRESS_REFUSED, type AddressRange } from './address-policy';
export { guardedFetch, type FetchLike } from './guarded-fetch';

let configured: AddressPolicy | null = null;

/** Public addresses plus the ranges IMPORT_ALLOW_PRIVATE lists. */
export function feedFetchPolicy(): AddressPolicy {
	configured ??= new AddressPolicy(getConfig().importAllowPrivate);
	return configured;
}
