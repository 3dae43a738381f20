// A dismissible one-line message at the top of the window (backup done, an error that belongs to no screen).
export function Notice({ message, onClose }: { message: string; onClose: () => void }): React.JSX.Element {
  return (
    <div className="notice" role="status">
      <span>{message}</span>
      <button type="button" className="link-button" onClick={onClose} aria-label="关闭提示">
        关闭
      </button>
    </div>
  );
}
