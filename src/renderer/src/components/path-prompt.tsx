// Where a file goes (or comes from) when there is no native dialog: in the browser host the inspector types a full path.
// The desktop app never shows this: the main process opens the system's save or open dialog instead.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ErrorText } from './error-text';
import '../features/jobs/jobs.css';

export interface PathQuestion {
  /** What is being saved or opened, e.g. 导出 Excel 汇总表. */
  title: string;
  mode: 'save' | 'open';
  /** Suggested file name (save) placed after the last folder used; its extension is added when the path lacks it. */
  fileName?: string;
}

export interface PathPrompt {
  /** The chosen absolute path, or null when cancelled. */
  ask: (q: PathQuestion) => Promise<string | null>;
  /** The prompt while a question is open (render it next to the button that asked). */
  element: React.JSX.Element | null;
}

const FOLDER_KEY = 'ri-last-folder';

function lastFolder(): string {
  try {
    return sessionStorage.getItem(FOLDER_KEY) ?? '';
  } catch {
    return '';
  }
}

function remember(path: string): void {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  try {
    if (cut > 0) sessionStorage.setItem(FOLDER_KEY, path.slice(0, cut + 1));
  } catch {
    // No storage: the next prompt starts empty.
  }
}

/** A full path: /…, C:\…, C:/… or \\server\…. */
export function isAbsolutePath(p: string): boolean {
  return /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(p);
}

function extOf(name: string | undefined): string {
  const m = name ? /\.[A-Za-z0-9]+$/.exec(name) : null;
  return m ? m[0] : '';
}

interface Open extends PathQuestion {
  resolve: (p: string | null) => void;
}

function PromptForm({ q, onDone }: { q: Open; onDone: (p: string | null) => void }): React.JSX.Element {
  const [value, setValue] = useState(() => (q.mode === 'save' ? `${lastFolder()}${q.fileName ?? ''}` : lastFolder()));
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const el = input.current;
    if (!el) return;
    el.focus();
    // Ready to type a new name over the suggested one, keeping the folder.
    const cut = Math.max(el.value.lastIndexOf('/'), el.value.lastIndexOf('\\')) + 1;
    el.setSelectionRange(cut, el.value.length);
  }, []);
  const submit = (e: React.FormEvent): void => {
    e.preventDefault();
    let p = value.trim();
    if (!isAbsolutePath(p)) return setError('请填写完整路径，例如 /home/评审/2025年度评分表.pdf 或 D:\\评审\\2025年度评分表.pdf');
    const ext = extOf(q.fileName);
    if (q.mode === 'save' && /[\\/]$/.test(p)) p += q.fileName ?? '';
    if (q.mode === 'save' && ext && !p.toLowerCase().endsWith(ext.toLowerCase())) p += ext;
    remember(p);
    onDone(p);
  };
  return (
    <form
      className="path-prompt"
      role="dialog"
      aria-label={q.title}
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onDone(null);
        }
      }}
    >
      <strong>{q.title}</strong>
      <label>
        {q.mode === 'save' ? '保存到（完整路径）' : '文件（完整路径）'}
        <input ref={input} name="path" value={value} onChange={(e) => setValue(e.target.value)} spellCheck={false} />
      </label>
      <ErrorText message={error} />
      <div className="path-prompt-actions">
        <button type="submit" className="primary">
          {q.mode === 'save' ? '保存' : '打开'}
        </button>
        <button type="button" onClick={() => onDone(null)}>
          取消
        </button>
      </div>
    </form>
  );
}

export function usePathPrompt(): PathPrompt {
  const [open, setOpen] = useState<Open | null>(null);
  const current = useRef<Open | null>(null);
  // A prompt left open when its screen goes away counts as cancelled.
  useEffect(() => () => current.current?.resolve(null), []);
  const ask = useCallback(
    (q: PathQuestion) =>
      new Promise<string | null>((resolve) => {
        current.current?.resolve(null);
        const o = { ...q, resolve };
        current.current = o;
        setOpen(o);
      }),
    [],
  );
  const done = useCallback((p: string | null) => {
    current.current?.resolve(p);
    current.current = null;
    setOpen(null);
  }, []);
  return { ask, element: open ? <PromptForm key={open.title} q={open} onDone={done} /> : null };
}
