import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, api } from '../api/client';
import type { IngestReport, Job } from '../api/types';
import { ErrorBox, Field } from '../components/common';
import { useLang } from '../i18n/lang';
import { href } from '../router';

const POLL_MS = 400;

/** What the ingest stored, skipped and refused; each stored article opens in the reader. */
function ReportView({ report }: { report: IngestReport }) {
  const { t } = useLang();
  return (
    <div class="report">
      <dl class="facts" aria-label={t('report')}>
        <Field label={t('reportSeen')}>{report.seen}</Field>
        <Field label={t('reportStored')}>{report.stored}</Field>
        <Field label={t('reportDuplicates')}>{report.duplicates}</Field>
        <Field label={t('reportFailed')}>{report.failed}</Field>
        <Field label={t('reportTime')}>
          <bdi dir="ltr">{(report.elapsedMs / 1000).toFixed(1)} s</bdi>
        </Field>
      </dl>
      {report.storedIds.length > 0 ? (
        <ul class="plain stored-docs">
          {report.storedIds.map((id) => (
            <li key={id}>
              <a href={href.doc(id)}>{t('openArticle')}</a> <code dir="ltr">{id.slice(0, 19)}…</code>
            </li>
          ))}
        </ul>
      ) : null}
      {report.failures.length > 0 ? (
        <ul class="plain failures">
          {report.failures.map((f) => (
            <li key={`${f.source}-${f.code}`} class="error">
              <code dir="ltr">{f.code}</code> <span dir="auto">{f.source}</span>:{' '}
              <span dir="auto">{f.message}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function JobView({ job }: { job: Job }) {
  const { t } = useLang();
  const label =
    job.status === 'done' ? t('jobDone') : job.status === 'failed' ? t('jobFailed') : t('jobRunning');
  return (
    <section class={`job job-${job.status}`} aria-live="polite">
      <h2>
        {t('progress')}: <span class="job-status">{label}</span>
      </h2>
      {job.total === null ? (
        <progress aria-label={t('progress')} />
      ) : (
        <progress max={Math.max(1, job.total)} value={job.done} aria-label={t('progress')} />
      )}
      <span>
        {' '}
        {job.done} / {job.total ?? '?'}
      </span>
      {job.error ? <ErrorBox error={new Error(job.error.message)} /> : null}
      {job.report ? <ReportView report={job.report} /> : null}
      {job.status === 'done' ? (
        <p>
          <a href={href.search()}>{t('navSearch')}</a>
        </p>
      ) : null}
    </section>
  );
}

export function IngestPage() {
  const { t } = useLang();
  const [files, setFiles] = useState<File[]>([]);
  const [text, setText] = useState('');
  const [meta, setMeta] = useState({ title: '', source: '', published: '' });
  const [url, setUrl] = useState('');
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const timer = useRef<number | null>(null);

  useEffect(
    () => () => {
      if (timer.current !== null) window.clearTimeout(timer.current);
    },
    [],
  );

  const poll = (id: string) => {
    timer.current = window.setTimeout(async () => {
      try {
        const { job: next } = await api.job(id);
        setJob(next);
        if (next.status === 'running' || next.status === 'queued') poll(id);
      } catch (e) {
        setError(e instanceof Error ? e : new Error(String(e)));
      }
    }, POLL_MS);
  };

  const start = async (run: () => Promise<{ job: Job }>) => {
    setError(null);
    setJob(null);
    try {
      const { job: first } = await run();
      setJob(first);
      if (first.status === 'running' || first.status === 'queued') poll(first.id);
    } catch (e) {
      setError(e instanceof ApiError || e instanceof Error ? e : new Error(String(e)));
    }
  };

  return (
    <section>
      <h1>{t('ingestTitle')}</h1>
      <div class="ingest-forms">
        <form
          class="panel"
          aria-label={t('uploadFiles')}
          onSubmit={(e) => {
            e.preventDefault();
            if (files.length === 0) return setError(new Error(t('chooseInput')));
            void start(() => api.ingestFiles(files));
          }}
        >
          <h2>{t('uploadFiles')}</h2>
          <label>
            <span>{t('filesLabel')}</span>
            <input
              type="file"
              name="file"
              multiple
              accept=".txt,.text,.html,.htm,.jsonl,.json,.xml,.rss,.atom"
              onChange={(e) => setFiles([...(e.currentTarget.files ?? [])])}
            />
          </label>
          <button type="submit">{t('submit')}</button>
        </form>
        <form
          class="panel"
          aria-label={t('pasteText')}
          onSubmit={(e) => {
            e.preventDefault();
            if (!text.trim()) return setError(new Error(t('chooseInput')));
            void start(() =>
              api.ingestText({
                text,
                title: meta.title || undefined,
                source: meta.source || undefined,
                published: meta.published || undefined,
              }),
            );
          }}
        >
          <h2>{t('pasteText')}</h2>
          <label>
            <span>{t('titleLabel')}</span>
            <input
              name="title"
              value={meta.title}
              onInput={(e) => setMeta({ ...meta, title: e.currentTarget.value })}
            />
          </label>
          <label>
            <span>{t('textLabel')}</span>
            <textarea
              name="text"
              rows={8}
              lang="ar"
              dir="rtl"
              value={text}
              onInput={(e) => setText(e.currentTarget.value)}
            />
          </label>
          <label>
            <span>{t('sourceLabel')}</span>
            <input
              name="source"
              value={meta.source}
              onInput={(e) => setMeta({ ...meta, source: e.currentTarget.value })}
            />
          </label>
          <label>
            <span>{t('publishedLabel')}</span>
            <input
              type="date"
              name="published"
              value={meta.published}
              onInput={(e) => setMeta({ ...meta, published: e.currentTarget.value })}
            />
          </label>
          <button type="submit">{t('submit')}</button>
        </form>
        <form
          class="panel"
          aria-label={t('fromUrl')}
          onSubmit={(e) => {
            e.preventDefault();
            if (!url.trim()) return setError(new Error(t('chooseInput')));
            void start(() => api.ingestUrl(url.trim()));
          }}
        >
          <h2>{t('fromUrl')}</h2>
          <label>
            <span>{t('urlLabel')}</span>
            <input
              type="url"
              name="url"
              dir="ltr"
              value={url}
              onInput={(e) => setUrl(e.currentTarget.value)}
            />
          </label>
          <button type="submit">{t('submit')}</button>
        </form>
      </div>
      {error ? <ErrorBox error={error} /> : null}
      {job ? <JobView job={job} /> : null}
    </section>
  );
}
