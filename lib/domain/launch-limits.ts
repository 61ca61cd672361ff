// A launch must be affordable and stay within the account's quotas (issue 12, ADM-4): the
// wallet balance needed to create pay-as-you-go instances, and the instances and vCPUs an
// account may have in one region. One rule for the launch itself and for the wizard's
// "you can launch N more".
import { CloudError } from './errors';
import { formatFen } from './money';
import type { PlatformSettings } from './settings';

/** The most instances one launch asks for (API-4); here, free of the launch schema's zod, for the wizard's bundle. */
export const MAX_LAUNCH_AMOUNT = 100;

export type LaunchLimits = Pick<PlatformSettings, 'minLaunchBalanceFen' | 'instanceQuotaPerRegion' | 'vcpuQuotaPerRegion'> & {
  /** The wallet balance, after anything the launch itself buys. */
  balanceFen: number;
  /** The account's instances in the region that are not released, and their vCPUs. */
  instances: number;
  vcpus: number;
};

export type LaunchRoom = {
  /** How many more instances of the type may be launched in the region now. */
  more: number;
  /** What allows no more: the balance, the instance quota or the vCPU quota. */
  limitedBy: 'balance' | 'instances' | 'vcpus';
};

/** MKT-12: a wallet below zero is in arrears; nothing new may run until it is paid. */
export function arrearsRefusal(balanceFen: number): CloudError | null {
  return balanceFen < 0 ? new CloudError('Account.Arrearage', { balance: formatFen(balanceFen) }) : null;
}

export function launchRoom(limits: LaunchLimits, typeVcpu: number): LaunchRoom {
  if (limits.balanceFen < limits.minLaunchBalanceFen) return { more: 0, limitedBy: 'balance' };
  // A quota lowered below what an account already has leaves it no room, never negative room.
  const byInstances = Math.max(0, limits.instanceQuotaPerRegion - limits.instances);
  const byVcpus = Math.max(0, Math.floor((limits.vcpuQuotaPerRegion - limits.vcpus) / typeVcpu));
  return byVcpus < byInstances ? { more: byVcpus, limitedBy: 'vcpus' } : { more: byInstances, limitedBy: 'instances' };
}

/**
 * Why launching `amount` instances of a type with `typeVcpu` vCPUs is refused, or null when it
 * is allowed. Alibaba answers both quotas with QuotaExceed.ElasticQuota (its messages tell the
 * instance count from the vCPUs); `quota` says which, and `more` how many could still be launched.
 */
export function launchRefusal(limits: LaunchLimits, typeVcpu: number, amount: number): CloudError | null {
  if (limits.balanceFen < limits.minLaunchBalanceFen) {
    return new CloudError('InvalidAccountStatus.NotEnoughBalance', { reason: 'launch', balance: formatFen(limits.balanceFen), minimum: formatFen(limits.minLaunchBalanceFen) });
  }
  const { more } = launchRoom(limits, typeVcpu);
  if (limits.instances + amount > limits.instanceQuotaPerRegion) {
    return new CloudError('QuotaExceed.ElasticQuota', { quota: 'instances', limit: limits.instanceQuotaPerRegion, used: limits.instances, requested: amount, more }, 'amount');
  }
  if (limits.vcpus + amount * typeVcpu > limits.vcpuQuotaPerRegion) {
    return new CloudError('QuotaExceed.ElasticQuota', { quota: 'vcpus', limit: limits.vcpuQuotaPerRegion, used: limits.vcpus, requested: amount * typeVcpu, more }, 'amount');
  }
  return null;
}
