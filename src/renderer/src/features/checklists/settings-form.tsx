// Settings of the county: the publication deadline per unit level (MM-DD of the next year) and the inspector's name.
import { useEffect, useState } from 'react';
import type { Settings } from '../../../../shared/ipc/contract';
import type { UnitLevel } from '../../../../shared/checks/types';
import { call, errorMessage } from '../../api';
import { ErrorText } from '../../components/error-text';
import { UNIT_LEVEL_LABEL } from '../../components/labels';

const LEVELS = Object.keys(UNIT_LEVEL_LABEL) as UnitLevel[];

/** A real day of the year as MM-DD (29 February allowed: the service decides leap years). */
export function validDeadline(s: string): boolean {
  const m = /^(\d\d)-(\d\d)$/.exec(s.trim());
  if (!m) return false;
  const month = Number(m[1]);
  const day = Number(m[2]);
  const days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return days !== undefined && day >= 1 && day <= days;
}

export function SettingsForm(): React.JSX.Element {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    call('settings:get', {}).then(setSettings, (e: unknown) => setError(errorMessage(e)));
  }, []);
  if (!settings) return <ErrorText message={error} />;

  const save = (e: React.FormEvent): void => {
    e.preventDefault();
    setSaved(false);
    const bad = LEVELS.filter((l) => !validDeadline(settings.deadlines[l]));
    if (bad.length > 0) return setError(`发布截止日期须为“月-日”，如 01-31：${bad.map((l) => UNIT_LEVEL_LABEL[l]).join('、')}有误。`);
    if (!settings.inspector.trim()) return setError('请填写评审人姓名。');
    call('settings:set', { deadlines: settings.deadlines, inspector: settings.inspector.trim() }).then(
      (s) => {
        setSettings(s);
        setError(null);
        setSaved(true);
      },
      (err: unknown) => setError(errorMessage(err)),
    );
  };
  return (
    <form className="settings-form" onSubmit={save} aria-label="评审设置">
      <h3>评审设置</h3>
      <label>
        评审人
        <input name="inspector" value={settings.inspector} onChange={(e) => setSettings({ ...settings, inspector: e.target.value })} />
      </label>
      <fieldset>
        <legend>发布截止日期（报告年度的次年，月-日）</legend>
        {LEVELS.map((l) => (
          <label key={l}>
            {UNIT_LEVEL_LABEL[l]}
            <input
              name={`deadline-${l}`}
              value={settings.deadlines[l]}
              size={6}
              placeholder="01-31"
              onChange={(e) => setSettings({ ...settings, deadlines: { ...settings.deadlines, [l]: e.target.value } })}
            />
          </label>
        ))}
      </fieldset>
      <div className="editor-actions">
        <button type="submit" className="primary">
          保存设置
        </button>
        {saved && <span className="info-text">已保存</span>}
      </div>
      <ErrorText message={error} />
    </form>
  );
}
