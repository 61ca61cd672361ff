// PUT /console/api/buckets/:bucketId/objects?key=… — an upload from the console, the body is the
// file itself, streamed to disk (the browser reports upload progress for a plain PUT).
import { NextResponse } from 'next/server';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { describeError } from '@/lib/auth/action';
import { currentSession } from '@/lib/auth/session';
import { CloudError, errorCatalogue, isCloudErrorCode } from '@/lib/domain/errors';
import { putObject } from '@/lib/services/storage';
import { responseSecurityHeaders } from '@/lib/response-headers';

export async function PUT(request: Request, context: { params: Promise<{ bucketId: string }> }) {
  // proxy.ts leaves uploads alone (it would buffer the body): the security headers are set here.
  const response = await upload(request, context);
  for (const [name, value] of responseSecurityHeaders(request.headers, 'api')) response.headers.set(name, value);
  return response;
}

async function upload(request: Request, { params }: { params: Promise<{ bucketId: string }> }): Promise<NextResponse> {
  const session = await currentSession();
  if (!session) return NextResponse.json({ code: 'Forbidden', message: 'Sign in first.' }, { status: 401 });
  try {
    const key = new URL(request.url).searchParams.get('key') ?? '';
    const length = request.headers.get('content-length');
    if (!request.body) throw new CloudError('IncompleteBody');
    const stored = await putObject(session.actor, {
      bucketId: (await params).bucketId,
      key,
      contentType: request.headers.get('content-type') ?? undefined,
      contentLength: length === null ? null : Number(length),
      body: request.body as unknown as WebReadableStream<Uint8Array>,
    });
    return NextResponse.json({ id: stored.id, key: stored.key, sizeBytes: stored.sizeBytes });
  } catch (error) {
    const described = await describeError(error);
    return NextResponse.json(described, { status: isCloudErrorCode(described.code) ? errorCatalogue[described.code] : 500 });
  }
}
