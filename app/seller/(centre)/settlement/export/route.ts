// GET /seller/settlement/export?until=YYYY-MM — the settlement page's figures as a CSV file
// (SEL-8). The service checks that the caller is a seller; the rows are the caller's own.
import { NextResponse } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { describeError } from '@/lib/auth/action';
import { currentSession } from '@/lib/auth/session';
import { errorCatalogue, isCloudErrorCode } from '@/lib/domain/errors';
import { settlementCsvColumns } from '@/lib/domain/settlement-csv';
import { settlementCsv } from '@/lib/services/settlement';

export async function GET(request: Request): Promise<NextResponse> {
  const session = await currentSession();
  if (!session) return NextResponse.redirect(new URL('/sign-in?next=/seller/settlement', request.url));
  const t = await getTranslations('seller.settlement.csv');
  try {
    const until = new URL(request.url).searchParams.get('until') ?? undefined;
    const headings = Object.fromEntries([...settlementCsvColumns, 'total' as const].map((c) => [c, t(c)])) as Parameters<typeof settlementCsv>[2];
    const { months, csv } = await settlementCsv(session.actor, { until }, headings);
    return new NextResponse(csv, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="settlement-${months[0]}-${months.at(-1)}.csv"`,
        'cache-control': 'private, no-store',
      },
    });
  } catch (error) {
    const described = await describeError(error);
    return NextResponse.json(described, { status: isCloudErrorCode(described.code) ? errorCatalogue[described.code] : 500 });
  }
}
