import Link from 'next/link';
import { useTranslations } from 'next-intl';

/** The bell in the top bar with the number of unread notifications. */
export function NotificationBell({ unread }: { unread: number }) {
  const t = useTranslations('notifications');
  return (
    <Link href="/console/notifications" className="relative rounded-md p-2 text-slate-300 hover:bg-slate-800 hover:text-white" aria-label={t('bell', { count: unread })} data-testid="notification-bell">
      <svg viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="1.8" aria-hidden>
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 8 3 8H3s3-1 3-8Zm4.5 12a1.5 1.5 0 0 0 3 0" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      {unread > 0 && (
        <span className="absolute -top-0.5 -right-0.5 flex h-4 min-w-4 items-center justify-center rounded-full bg-red-500 px-1 text-[10px] font-semibold text-white" data-testid="unread-count">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </Link>
  );
}
