// Correcting unit and/or year of many selected reports at once (report:set-meta).
import { useState } from 'react';
import { call, errorMessage } from '../../api';
import { ErrorText } from '../../components/error-text';

interface Props {
  ids: number[];
  onDone: (updated: number) => void;
  onClear: () => void;
}

export function BulkMetaBar({ ids, onDone, onClear }: Props): React.JSX.Element {
  const [organ, setOrgan] = useState('');
  const [year, setYear] = useState('');
  const [error, setError] = useState<string | null>(null);

  const apply = (e: React.FormEvent): void => {
    e.preventDefault();
    const y = year.trim() ? Number(year.trim()) : undefined;
    if (y !== undefined && (!Number.isInteger(y) || y < 2000 || y > 2100)) {
      setError('年度应为 2000 至 2100 之间的四位数字。');
      return;
    }
    if (!organ.trim() && y === undefined) {
      setError('请填写要更正的单位或年度。');
      return;
    }
    call('report:set-meta', { ids, ...(organ.trim() ? { organ: organ.trim() } : {}), ...(y !== undefined ? { year: y } : {}) }).then(
      (r) => {
        setError(null);
        setOrgan('');
        setYear('');
        onDone(r.updated);
      },
      (err: unknown) => setError(errorMessage(err)),
    );
  };

  return (
    <form className="bulk-bar" onSubmit={apply} aria-label="批量更正单位和年度">
      <span>已选 {ids.length} 份</span>
      <label>
        单位
        <input value={organ} onChange={(e) => setOrgan(e.target.value)} placeholder="不改则留空" />
      </label>
      <label>
        年度
        <input value={year} onChange={(e) => setYear(e.target.value)} inputMode="numeric" placeholder="如 2023" size={6} />
      </label>
      <button type="submit" className="primary">
        批量更正
      </button>
      <button type="button" onClick={onClear}>
        取消选择
      </button>
      <ErrorText message={error} />
    </form>
  );
}
