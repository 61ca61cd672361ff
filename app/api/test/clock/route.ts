// Test mode only: lets end-to-end tests move the server's clock. In any other mode the route
// answers 404 as if it did not exist.
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { clock } from '@/lib/clock';
import { config } from '@/lib/config';

const body = z.object({ advanceMs: z.number().int().optional(), reset: z.boolean().optional() });

function notFound() {
  return NextResponse.json({ Code: 'NotFound' }, { status: 404 });
}

export async function GET() {
  if (config.mode !== 'test') return notFound();
  return NextResponse.json({ now: clock.now().toISOString(), offsetMs: clock.offsetMs() });
}

export async function POST(request: Request) {
  if (config.mode !== 'test') return notFound();
  const parsed = body.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return NextResponse.json({ Code: 'InvalidParameter' }, { status: 400 });
  if (parsed.data.reset) clock.reset();
  if (parsed.data.advanceMs) clock.advance(parsed.data.advanceMs);
  return NextResponse.json({ now: clock.now().toISOString(), offsetMs: clock.offsetMs() });
}
