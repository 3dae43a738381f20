// 评分表设置: the checklists (the shipped default and the county's copies), one shown or edited, which one grades now;
// and the county's settings (deadlines per unit level, the inspector's name).
import { useCallback, useEffect, useState } from 'react';
import type { ChecklistInfo } from '../../../../shared/ipc/contract';
import type { Checklist } from '../../../../shared/grading/checklist';
import { call, errorMessage } from '../../api';
import { ErrorText } from '../../components/error-text';
import { ChecklistEditor } from './checklist-editor';
import { ChecklistView } from './checklist-view';
import { countyCopy, nextVersion } from './draft';
import { SettingsForm } from './settings-form';

interface Listing {
  active: string;
  checklists: ChecklistInfo[];
}

function ChecklistList({ list, shown, onShow }: { list: Listing; shown: string | null; onShow: (ref: string) => void }): React.JSX.Element {
  return (
    <ul className="checklist-list" aria-label="评分表">
      {list.checklists.map((c) => (
        <li key={c.ref} className={c.ref === shown ? 'checklist-list--shown' : ''}>
          <button type="button" className="link-button" onClick={() => onShow(c.ref)}>
            {c.name}
          </button>
          <span className="muted"> {c.ref}</span>
          {c.builtin && <span className="tag">内置</span>}
          {c.ref === list.active && <span className="tag tag--active">当前使用</span>}
        </li>
      ))}
    </ul>
  );
}

export function ChecklistScreen(): React.JSX.Element {
  const [list, setList] = useState<Listing | null>(null);
  const [shown, setShown] = useState<Checklist | null>(null);
  const [draft, setDraft] = useState<Checklist | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const show = useCallback((ref: string) => {
    setDraft(null);
    call('checklist:get', { ref }).then(setShown, (e: unknown) => setError(errorMessage(e)));
  }, []);
  const reload = useCallback(
    (then?: string) =>
      call('checklist:list', {}).then(
        (l) => {
          setList(l);
          show(then ?? l.active);
        },
        (e: unknown) => setError(errorMessage(e)),
      ),
    [show],
  );
  useEffect(() => void reload(), [reload]);

  const shownRef = shown ? `${shown.id}@${shown.version}` : null;
  const info = list?.checklists.find((c) => c.ref === shownRef);
  const activate = (): void => {
    if (!shownRef) return;
    call('checklist:activate', { ref: shownRef }).then(
      () => {
        setMessage(`已启用“${shown?.name ?? ''}”，之后打开的报告按它评分。`);
        void reload(shownRef);
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  };
  const save = async (c: Checklist): Promise<string | null> => {
    try {
      const saved = await call('checklist:save', { checklist: c });
      setMessage(`已保存并启用“${saved.name}”（${saved.ref}）。`);
      setDraft(null);
      await reload(saved.ref);
      return null;
    } catch (e) {
      return errorMessage(e);
    }
  };

  return (
    <section className="checklist-screen" aria-label="评分表设置">
      <div className="checklist-side">
        <h2>评分表</h2>
        {list && <ChecklistList list={list} shown={shownRef} onShow={show} />}
        <SettingsForm />
      </div>
      <div className="checklist-main">
        <ErrorText message={error} />
        {message && (
          <p className="info-text" role="status">
            {message}
          </p>
        )}
        {draft ? (
          <ChecklistEditor initial={draft} onSave={save} onCancel={() => setDraft(null)} />
        ) : shown ? (
          <>
            <div className="checklist-actions">
              <h2>{shown.name}</h2>
              {info?.builtin ? (
                <button
                  type="button"
                  className="primary"
                  onClick={() => setDraft(countyCopy(shown, list?.checklists.map((c) => c.id) ?? []))}
                >
                  复制为本县评分表
                </button>
              ) : (
                <button type="button" className="primary" onClick={() => setDraft(nextVersion(shown))}>
                  修改（另存为新版本）
                </button>
              )}
              {shownRef !== list?.active && (
                <button type="button" onClick={activate}>
                  设为当前评分表
                </button>
              )}
            </div>
            <ChecklistView checklist={shown} />
          </>
        ) : (
          <p className="muted">正在加载…</p>
        )}
      </div>
    </section>
  );
}
