// The application frame: the navigation bar, the screens, and state that outlives a screen (the running import, the open report).
import { useCallback, useEffect, useState } from 'react';
import { call } from './api';
import { NavBar, type Screen } from './components/nav-bar';
import { Notice } from './components/notice';
import { LibraryScreen } from './features/library/library-screen';
import { ImportScreen } from './features/import/import-screen';
import { useImport } from './features/import/use-import';
import { ReviewScreen } from './features/review/review-screen';
import { ChecklistScreen } from './features/checklists/checklist-screen';
import { RankingScreen } from './features/print/ranking-screen';
import { ConflictsScreen } from './features/export/conflicts-screen';

export function App(): React.JSX.Element {
  const [screen, setScreen] = useState<Screen>('library');
  const [review, setReview] = useState<{ id: number; ids: number[]; item?: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [libraryVersion, setLibraryVersion] = useState(0);
  const [conflicts, setConflicts] = useState(0);
  const importer = useImport(() => setLibraryVersion((v) => v + 1));
  const changed = useCallback(() => setLibraryVersion((v) => v + 1), []);

  useEffect(() => {
    call('package:conflicts', {}).then(
      (c) => setConflicts(c.length),
      () => setConflicts(0),
    );
  }, [libraryVersion]);

  const openReport = useCallback((id: number, ids: number[]) => {
    setReview({ id, ids: ids.includes(id) ? ids : [id] });
    setScreen('review');
  }, []);
  /** A report's grading panel on one item (from a conflict). */
  const openItem = useCallback((id: number, item: string) => {
    setReview({ id, ids: [id], item });
    setScreen('review');
  }, []);

  return (
    <div className="app">
      <NavBar
        screen={screen}
        onScreen={setScreen}
        canReview={review !== null}
        importer={importer}
        onNotice={setNotice}
        version={libraryVersion}
        conflicts={conflicts}
      />
      {notice && <Notice message={notice} onClose={() => setNotice(null)} />}
      <main className="app-main">
        {screen === 'library' && (
          <LibraryScreen
            version={libraryVersion}
            onOpen={openReport}
            onChanged={changed}
            onOpenItem={openItem}
            onShowConflicts={() => setScreen('conflicts')}
          />
        )}
        {screen === 'import' && <ImportScreen importer={importer} onShowLibrary={() => setScreen('library')} />}
        {screen === 'ranking' && <RankingScreen key={libraryVersion} onOpen={openReport} />}
        {screen === 'conflicts' && <ConflictsScreen version={libraryVersion} onOpen={openItem} />}
        {screen === 'checklists' && <ChecklistScreen />}
        {screen === 'review' && review && (
          <ReviewScreen
            id={review.id}
            ids={review.ids}
            {...(review.item ? { item: review.item } : {})}
            onNavigate={(id) => setReview({ id, ids: review.ids })}
            onBack={() => setScreen('library')}
            onChanged={changed}
          />
        )}
      </main>
    </div>
  );
}
