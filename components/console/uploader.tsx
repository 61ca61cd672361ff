'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/field';
import { toast } from '@/components/ui/toast';

/**
 * Uploads one file with a real progress bar: a plain PUT of the file body (XMLHttpRequest
 * reports upload progress; fetch does not), streamed to disk on the server.
 */
export function Uploader({ bucketId }: { bucketId: string }) {
  const t = useTranslations('buckets');
  const tt = useTranslations('toast');
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();

  const upload = () => {
    if (!file) return;
    setError(undefined);
    setDone(undefined);
    setProgress(0);
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', `/console/api/buckets/${bucketId}/objects?key=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    xhr.upload.onprogress = (e) => e.lengthComputable && setProgress(Math.floor((e.loaded / e.total) * 100));
    xhr.onload = () => {
      setProgress(null);
      if (xhr.status >= 200 && xhr.status < 300) {
        setDone(t('uploaded', { name: file.name }));
        toast.success(tt('uploaded'));
        setFile(null);
        if (input.current) input.current.value = '';
        router.refresh();
      } else {
        const message = (() => {
          try {
            return JSON.parse(xhr.responseText).message;
          } catch {
            return t('uploadFailed');
          }
        })();
        setError(message);
        toast.error(tt('refused'));
      }
    };
    xhr.onerror = () => {
      setProgress(null);
      setError(t('uploadFailed'));
      toast.error(tt('refused'));
    };
    xhr.send(file);
  };

  return (
    <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
      <h2 className="text-base font-semibold">{t('uploadTitle')}</h2>
      <div className="flex flex-wrap items-center gap-3">
        <input ref={input} type="file" aria-label={t('chooseFile')} onChange={(e) => setFile(e.target.files?.[0] ?? null)} className="text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm" />
        <Button size="sm" disabled={!file || progress !== null} onClick={upload}>
          {t('upload')}
        </Button>
      </div>
      {progress !== null && (
        <div>
          <div className="flex justify-between text-xs text-slate-600">
            <span>{t('uploading', { name: file?.name ?? '' })}</span>
            <span data-testid="upload-percent">{progress}%</span>
          </div>
          <div className="mt-1 h-2 overflow-hidden rounded-full bg-slate-100" role="progressbar" aria-label={t('uploadProgress')} aria-valuenow={progress} aria-valuemin={0} aria-valuemax={100}>
            <div className="h-full bg-brand-500 transition-all" style={{ width: `${progress}%` }} />
          </div>
        </div>
      )}
      <FormError message={error} />
      {done && (
        <p role="status" className="text-sm text-emerald-700">
          {done}
        </p>
      )}
      <p className="text-xs text-slate-500">{t('uploadHint')}</p>
    </div>
  );
}
