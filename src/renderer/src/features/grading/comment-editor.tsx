// A comment on one item or on the whole report: a text box saved with 'grade:comment'; Esc closes it unsaved.
import { useState } from 'react';
import { ErrorText } from '../../components/error-text';

interface Props {
  label: string;
  initial: string;
  onSave: (text: string) => Promise<string | null>;
  onClose?: () => void;
}

export function CommentEditor({ label, initial, onSave, onClose }: Props): React.JSX.Element {
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const save = (e: React.FormEvent): void => {
    e.preventDefault();
    setSaved(false);
    void onSave(text.trim()).then((err) => {
      setError(err);
      if (!err) {
        setSaved(true);
        onClose?.();
      }
    });
  };
  return (
    <form
      className="comment-editor"
      onSubmit={save}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !onClose) return;
        e.preventDefault();
        e.stopPropagation();
        onClose();
      }}
    >
      <label>
        {label}
        <textarea name="comment" rows={2} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <div className="editor-actions">
        <button type="submit" disabled={text.trim() === initial.trim()}>
          保存{label}
        </button>
        {onClose && (
          <button type="button" onClick={onClose}>
            取消
          </button>
        )}
        {saved && !onClose && <span className="info-text">已保存</span>}
      </div>
      <ErrorText message={error} />
    </form>
  );
}
