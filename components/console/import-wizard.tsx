'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useMemo, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Field, FormError, inputClass } from '@/components/ui/field';
import { CloudError } from '@/lib/domain/errors';
import { consoleMessage } from '@/i18n/console-words';
import { architectures, importFormats, importPlatforms, osTypes, parseImportRequest, type ImportInput } from '@/lib/domain/imports';
import type { ActionState } from '@/lib/auth/action';
import { toastResult } from '@/components/ui/toast';

type BucketChoice = { name: string; objects: { key: string; sizeBytes: number }[] };

/** The import form mirrors ImportImage's parameters and checks them as the user types, with the API's own rules and messages. */
export function ImportWizard({ regionId, buckets, authorised, importImageAction }: { regionId: string; buckets: BucketChoice[]; authorised: boolean; importImageAction: (input: ImportInput) => Promise<ActionState<{ imageId: string; taskId: string }>> }) {
  const t = useTranslations();
  const tf = useTranslations('fieldErrors');
  const te = useTranslations('errors');
  const [pending, startTransition] = useTransition();
  const [values, setValues] = useState({ imageName: '', description: '', osType: 'linux', platform: 'Others Linux', architecture: 'x86_64', format: 'RAW', bucket: buckets[0]?.name ?? '', object: buckets[0]?.objects[0]?.key ?? '', diskImageSize: '' });
  // One token per intended import: submitting the same form twice imports once (IMP-8).
  const [clientToken, setClientToken] = useState(() => globalThis.crypto.randomUUID());
  const [serverError, setServerError] = useState<{ message: string; field?: string }>();
  const [result, setResult] = useState<{ imageId: string; taskId: string }>();

  const input: ImportInput = {
    regionId,
    imageName: values.imageName,
    description: values.description,
    osType: values.osType,
    platform: values.platform,
    architecture: values.architecture,
    diskDeviceMappings: [{ format: values.format, ossBucket: values.bucket, ossObject: values.object, diskImageSize: values.diskImageSize }],
    clientToken,
  };
  const local = useMemo(() => {
    try {
      parseImportRequest(input);
      return undefined;
    } catch (error) {
      if (error instanceof CloudError) return { field: error.field, message: consoleMessage(error, tf as never, te as never) };
      throw error;
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [JSON.stringify(values)]);

  const set = (key: keyof typeof values) => (e: { target: { value: string } }) => {
    const next = { ...values, [key]: e.target.value };
    if (key === 'bucket') next.object = buckets.find((b) => b.name === e.target.value)?.objects[0]?.key ?? '';
    setValues(next);
    setServerError(undefined);
    if (result) {
      setResult(undefined);
      setClientToken(globalThis.crypto.randomUUID());
    }
  };
  const error = serverError ?? local;
  const fieldError = (field: string) => (error?.field === field ? error.message : undefined);
  const objectsOf = buckets.find((b) => b.name === values.bucket)?.objects ?? [];

  const submit = () =>
    startTransition(async () => {
      const response = await importImageAction(input);
      toastResult(response, t('toast.importStarted'), t('toast.refused'));
      if (response && !response.ok) return setServerError({ message: response.error.message, field: response.error.field });
      if (response?.ok) setResult(response.data);
    });

  const select = (key: keyof typeof values, label: string, options: readonly string[]) => (
    <label className="block space-y-1.5 text-sm">
      <span className="font-medium text-slate-700">{label}</span>
      <select className={inputClass} value={values[key]} onChange={set(key)} aria-invalid={fieldError(key) ? true : undefined}>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
      {fieldError(key) && <span className="block text-sm text-red-600">{fieldError(key)}</span>}
    </label>
  );

  return (
    <section className="space-y-5 rounded-lg border border-slate-200 bg-white p-5" aria-labelledby="import-title">
      <h2 id="import-title" className="text-base font-semibold">
        {t('imports.formTitle', { region: t(`regions.${regionId}`) })}
      </h2>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t('imports.imageName')} name="imageName" value={values.imageName} onChange={set('imageName')} hint={t('imports.imageNameHint')} error={fieldError('imageName')} />
        <Field label={t('imports.description')} name="description" value={values.description} onChange={set('description')} error={fieldError('description')} />
        {select('osType', t('imports.osType'), osTypes)}
        {select('platform', t('imports.platform'), importPlatforms)}
        {select('architecture', t('imports.architecture'), architectures)}
        {select('format', t('imports.format'), importFormats)}
        {select('bucket', t('imports.bucket'), buckets.map((b) => b.name))}
        {select('object', t('imports.object'), objectsOf.map((o) => o.key))}
        <Field label={t('imports.diskImageSize')} name="diskImageSize" inputMode="numeric" value={values.diskImageSize} onChange={set('diskImageSize')} hint={t('imports.diskImageSizeHint')} error={fieldError('diskImageSize')} />
      </div>
      {error && !['imageName', 'description', 'osType', 'platform', 'architecture', 'format', 'diskImageSize'].includes(error.field ?? '') && <FormError message={error.message} />}
      {result && (
        <div role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800" data-testid="import-result">
          {t('imports.started', { imageId: result.imageId, taskId: result.taskId })}{' '}
          <Link href="/console/tasks" className="font-medium underline">
            {t('imports.followTask')}
          </Link>
        </div>
      )}
      <Button disabled={pending || !authorised || Boolean(local)} onClick={submit}>
        {t('imports.submit')}
      </Button>
      {!authorised && <p className="text-sm text-amber-700">{t('imports.authoriseFirst')}</p>}
    </section>
  );
}
