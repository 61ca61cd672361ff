'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { LaunchLimits, LaunchRoom } from '@/lib/domain/launch-limits';
import { formatFen } from '@/lib/domain/money';

/**
 * Before submit (issue 12): how many more instances of the chosen type the account can launch
 * in the region, or why none — the same rule RunInstances applies (lib/domain/launch-limits.ts).
 */
export function LaunchRoomNote({ limits, room, costFen, count }: { limits: LaunchLimits; room: LaunchRoom; costFen: number; count: number }) {
  const t = useTranslations('wizard.room');
  const minimum = formatFen(limits.minLaunchBalanceFen);
  if (room.limitedBy === 'balance') {
    const afterPurchase = costFen > 0 && limits.balanceFen >= limits.minLaunchBalanceFen;
    const balance = formatFen(afterPurchase ? limits.balanceFen - costFen : limits.balanceFen);
    return (
      <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-xs text-red-700" data-testid="launch-room">
        {afterPurchase ? t('balanceAfterPurchase', { cost: formatFen(costFen), balance, minimum }) : t('balance', { balance, minimum })}{' '}
        <Link href="/console/billing" className="font-medium underline">
          {t('topUp')}
        </Link>
      </p>
    );
  }
  const [limit, used] = room.limitedBy === 'vcpus' ? [limits.vcpuQuotaPerRegion, limits.vcpus] : [limits.instanceQuotaPerRegion, limits.instances];
  const over = room.more === 0 || count > room.more;
  return (
    <p className={`text-xs ${over ? 'text-red-700' : 'text-slate-600'}`} data-testid="launch-room">
      {room.more === 0 ? t('full', { quota: room.limitedBy, limit, used }) : t(room.limitedBy, { more: room.more, limit, used })}
      {room.more > 0 && count > room.more && ` ${t('overRoom', { more: room.more })}`}
    </p>
  );
}
