// An inline error in Chinese, announced to screen readers.
export function ErrorText({ message }: { message: string | null }): React.JSX.Element | null {
  if (!message) return null;
  return (
    <p className="error-text" role="alert">
      {message}
    </p>
  );
}
